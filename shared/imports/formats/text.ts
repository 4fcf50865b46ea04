/** Free text of a statement (payees, memos) as one trimmed line, or null when there is none. */
export function cleanText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
