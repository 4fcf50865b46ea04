import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementRow } from '../../../shared/imports/formats';

export const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/statements', name), 'utf8');

/** Money out, money in and the net of a file's rows, in minor units. */
export function sums(rows: StatementRow[]) {
  const out = rows.filter((r) => r.amount < 0).reduce((sum, r) => sum + r.amount, 0);
  const into = rows.filter((r) => r.amount > 0).reduce((sum, r) => sum + r.amount, 0);
  return { count: rows.length, out, in: into, net: out + into };
}
