/**
 * Optimistic concurrency over HTTP: every versioned item's ETag is its `version`, and `If-Match`
 * names the versions an update may apply to (a DynamoDB condition checks it atomically).
 */

/** A resource's ETag: its version, quoted (a strong validator). */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/** Enough for any real client; DynamoDB allows at most 100 operands in IN. */
const MAX_IF_MATCH_TAGS = 20;

/**
 * The versions an `If-Match` header accepts: undefined for no header or `*` (any existing version).
 * Weak or foreign tags never match (If-Match compares strongly), so they yield an impossible
 * version 0 and the update answers 412 (or 404 if the resource does not exist).
 */
export function versionsFromIfMatch(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const versions = header
    .split(',')
    .slice(0, MAX_IF_MATCH_TAGS)
    .map((tag) => /^"([1-9][0-9]{0,14})"$/.exec(tag.trim())?.[1])
    .filter((version): version is string => version !== undefined)
    .map(Number);
  return versions.length > 0 ? versions : [0];
}
