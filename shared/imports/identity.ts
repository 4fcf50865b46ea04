/**
 * The externalId each imported row claims, so that importing the same file twice records nothing
 * the second time (the claim is held by the transaction store: a claimed id is refused).
 *
 * - A row with the file's own id (OFX FITID, CAMT AcctSvcrRef, a CSV reference column) claims
 *   `import:<accountId>:<that id>`: the bank's id is the row's identity, whatever else changed.
 * - A row without one claims a *row identity*: a digest of the account, the day, the signed amount
 *   and currency, the payee as normalised, and the occurrence of that same tuple in the file (0 for
 *   the first, 1 for the second …). Two identical coffees on one day are two rows with two
 *   identities, so both are recorded; the same file imported again yields the same identities, so
 *   neither is recorded twice.
 */
import { createHash } from 'node:crypto';
import type { StatementRow } from './formats/types';

/** The longest externalId the transaction store accepts (shared/transactions/schemas.ts). */
const MAX_EXTERNAL_ID_LENGTH = 128;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** Case, width and spacing do not make another payee (as the payee memory folds them). */
export const foldPayee = (payee: string | null) =>
  (payee ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export function fileIdExternalId(accountId: string, fileId: string): string {
  const plain = `import:${accountId}:${fileId}`;
  // A key part must be short and printable; an id that is not is represented by its digest.
  if (plain.length <= MAX_EXTERNAL_ID_LENGTH && /^[^\p{C}]+$/u.test(fileId)) return plain;
  return `import:${accountId}:id:${digest(fileId)}`;
}

export const rowIdentityExternalId = (accountId: string, row: RowTuple, occurrence: number) =>
  `import:${accountId}:row:${digest(JSON.stringify([accountId, row.date, row.amount, row.currency, foldPayee(row.payee), occurrence]))}`;

type RowTuple = Pick<StatementRow, 'date' | 'amount' | 'currency' | 'payee'>;

/**
 * Each row's externalId and whether it is the file's own, in file order. Occurrences are counted
 * over the whole file, so the identities do not depend on how the rows are cut into chunks.
 */
export function rowExternalIds(
  accountId: string,
  rows: readonly StatementRow[],
): { externalId: string; fromFile: boolean }[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (row.externalId !== null && row.externalId.trim() !== '') {
      return { externalId: fileIdExternalId(accountId, row.externalId.trim()), fromFile: true };
    }
    const tuple = JSON.stringify([row.date, row.amount, row.currency, foldPayee(row.payee)]);
    const occurrence = seen.get(tuple) ?? 0;
    seen.set(tuple, occurrence + 1);
    return { externalId: rowIdentityExternalId(accountId, row, occurrence), fromFile: false };
  });
}
