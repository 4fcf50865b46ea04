/**
 * The fuzzy duplicate check of a row that has no id of its own: a transaction of the same account,
 * in the same direction and the same amount and currency, dated within two days, whose payee is
 * similar. Such a row is not recorded and not dropped either: it is reported `needs-review` with
 * the candidate named, for the user to decide.
 *
 * Transactions recorded from the same file (by this import or an earlier one of it: their
 * externalIds are the file's) are never candidates, so a row is never the duplicate of a row of its
 * own file: two identical coffees are two transactions. That is told by identity, not by time, so
 * no clock decides it.
 */
import { foldPayee } from './identity';

export const FUZZY_DAYS = 2;
/** Bigram similarity from which two payees are taken for the same one (after folding). */
export const PAYEE_SIMILARITY = 0.6;

export type FuzzyRow = { date: string; amount: number; currency: string; payee: string | null };

export type Candidate = {
  transactionId: string;
  kind: 'expense' | 'income' | 'transfer';
  date: string;
  amount: number;
  currency: string;
  payee: string | null;
  externalId: string | null;
};

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The first and last day a candidate of `date` may be on. */
export function fuzzyWindow(date: string): { from: string; to: string } {
  const shift = (days: number) => new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(-FUZZY_DAYS), to: shift(FUZZY_DAYS) };
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const compact = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (let i = 0; i < compact.length - 1; i++) {
    const gram = compact.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice over character bigrams of the folded names: 1 is the same name. */
export function payeeSimilarity(a: string | null, b: string | null): number {
  const left = foldPayee(a);
  const right = foldPayee(b);
  if (left === right) return 1;
  if (left === '' || right === '') return 0;
  if (left.includes(right) || right.includes(left)) return 1;
  const x = bigrams(left);
  const y = bigrams(right);
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  const size = [...x.values(), ...y.values()].reduce((sum, n) => sum + n, 0);
  return size === 0 ? 0 : (2 * shared) / size;
}

/**
 * Payees are similar when their names are; a side without a payee (a bank line with only a
 * reference) says nothing against the match, so amount and day decide.
 */
export const similarPayees = (a: string | null, b: string | null) =>
  foldPayee(a) === '' || foldPayee(b) === '' || payeeSimilarity(a, b) >= PAYEE_SIMILARITY;

/** The closest earlier transaction the row may duplicate, or undefined. */
export function fuzzyCandidate(
  row: FuzzyRow,
  candidates: readonly Candidate[],
  fileExternalIds: ReadonlySet<string>,
): Candidate | undefined {
  const kind = row.amount < 0 ? 'expense' : 'income';
  const { from, to } = fuzzyWindow(row.date);
  const matches = candidates.filter(
    (c) =>
      (c.externalId === null || !fileExternalIds.has(c.externalId)) &&
      c.kind === kind &&
      c.currency === row.currency &&
      c.amount === Math.abs(row.amount) &&
      c.date >= from &&
      c.date <= to &&
      similarPayees(row.payee, c.payee),
  );
  const distance = (c: Candidate) => Math.abs(dayNumber(c.date) - dayNumber(row.date));
  return matches.sort((a, b) => distance(a) - distance(b) || a.transactionId.localeCompare(b.transactionId))[0];
}
