/**
 * Escapes text for HTML element content and quoted attribute values. Every user-supplied value
 * (names, account labels, notes) passes through here before it reaches an email's HTML body.
 */
const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
