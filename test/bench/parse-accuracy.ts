/**
 * Field-level accuracy of the bank-message parser against labelled fixtures
 * (test/fixtures/messages): per field, precision (of the values it gave, how many were right) and
 * recall (of the values the messages carry, how many it gave right). Shared by the unit test that
 * holds the floors and by `npm run bench -- --only parse`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessage } from '../../shared/captures/parse';
import type { ParseContext, ParsedMessage } from '../../shared/captures/parse/types';
import type { Money } from '../../shared/kit/money/money';

export type Expected = {
  kind: 'transaction' | 'ignored';
  reason?: string;
  direction?: 'debit' | 'credit' | null;
  money?: Money | null;
  accountMoney?: Money | null;
  counterparty?: string | null;
  accountHint?: string | null;
  occurredAt?: { date: string; time?: string } | null;
  balanceAfter?: Money | null;
  reference?: string | null;
};

export type Fixture = { id: string; e2e?: boolean; text: string; context: ParseContext; expected: Expected };

export const FIELDS = [
  'direction',
  'money',
  'accountMoney',
  'counterparty',
  'accountHint',
  'occurredAt',
  'balanceAfter',
  'reference',
] as const;
export type FieldName = (typeof FIELDS)[number];

export function loadFixtures(set: 'develop' | 'holdout'): Fixture[] {
  const path = resolve(import.meta.dirname ?? __dirname, `../fixtures/messages/${set}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture[];
}

/** A parse in the fixtures' shape: the kind and reason, then each field's value or null. */
export function view(parsed: ParsedMessage): Expected {
  if (parsed.kind === 'ignored') return { kind: 'ignored', reason: parsed.reason };
  return {
    kind: 'transaction',
    direction: parsed.direction?.value ?? null,
    money: parsed.money?.value ?? null,
    accountMoney: parsed.accountMoney?.value ?? null,
    counterparty: parsed.counterparty?.value ?? null,
    accountHint: parsed.accountHint?.value ?? null,
    occurredAt: parsed.occurredAt?.value ?? null,
    balanceAfter: parsed.balanceAfter?.value ?? null,
    reference: parsed.reference?.value ?? null,
  };
}

/**
 * The expected parse with every field present, compared leniently only where people would not
 * tell the difference: a name's case and spacing.
 */
export function normalised(expected: Expected): Expected {
  if (expected.kind === 'ignored') return { kind: 'ignored', reason: expected.reason };
  const out: Expected = { kind: 'transaction' };
  for (const name of FIELDS) {
    const value = expected[name] ?? null;
    (out as Record<string, unknown>)[name] =
      name === 'counterparty' && typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().toUpperCase() : value;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type Row = { field: string; tp: number; fp: number; fn: number; precision: number; recall: number };

export type Score = {
  rows: Row[];
  /** Non-transactions the parser took for transactions (must stay empty). */
  recordedNonTransactions: string[];
  /** Ignored messages whose reason differs from the expected one. */
  wrongReasons: string[];
  messages: number;
  /**
   * Transactions parsed with confidence ≥ 0.8 (recorded without review when the account matches),
   * and how many of those have direction, money and date all right.
   */
  confident: { transactions: number; confident: number; confidentAndRight: number };
};

function row(field: string, tp: number, fp: number, fn: number): Row {
  return {
    field,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function score(fixtures: readonly Fixture[]): Score {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (field: string) => {
    const c = counts.get(field) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(field, c);
    return c;
  };
  const recordedNonTransactions: string[] = [];
  const wrongReasons: string[] = [];
  const confident = { transactions: 0, confident: 0, confidentAndRight: 0 };
  for (const fixture of fixtures) {
    const parsed = parseMessage(fixture.text, fixture.context);
    const actual = normalised(view(parsed));
    const expected = normalised(fixture.expected);
    if (expected.kind === 'transaction') {
      confident.transactions++;
      if (parsed.kind === 'transaction' && parsed.confidence >= 0.8) {
        confident.confident++;
        const core = ['direction', 'money', 'occurredAt'] as const;
        if (core.every((name) => same(actual[name] ?? null, expected[name] ?? null))) confident.confidentAndRight++;
      }
    }
    const kind = count('kind (ignored)');
    if (expected.kind === 'ignored' && actual.kind === 'ignored') {
      kind.tp++;
      if (expected.reason !== actual.reason) wrongReasons.push(fixture.id);
    } else if (expected.kind === 'ignored') {
      kind.fn++;
      recordedNonTransactions.push(fixture.id);
    } else if (actual.kind === 'ignored') kind.fp++;
    for (const name of FIELDS) {
      const want = expected[name] ?? null;
      const got = actual.kind === 'transaction' ? (actual[name] ?? null) : null;
      const c = count(name);
      if (got !== null && want !== null && same(got, want)) c.tp++;
      else {
        if (got !== null) c.fp++;
        if (want !== null) c.fn++;
      }
    }
  }
  const rows = [...counts].map(([field, c]) => row(field, c.tp, c.fp, c.fn));
  return { rows, recordedNonTransactions, wrongReasons, messages: fixtures.length, confident };
}

/** The score as a Markdown table. */
export function scoreTable(result: Score): string {
  const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = ['| field | precision | recall | right | wrong | missed |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of result.rows) {
    lines.push(`| ${r.field} | ${percent(r.precision)} | ${percent(r.recall)} | ${r.tp} | ${r.fp} | ${r.fn} |`);
  }
  const { transactions, confident, confidentAndRight } = result.confident;
  lines.push(
    '',
    `Confident (≥ 0.8, recorded without review): ${confident} of ${transactions} transactions; direction, money and date all right in ${confidentAndRight} of them.`,
  );
  return lines.join('\n');
}
