/**
 * The decisions about one parsed message that need no I/O: its externalId, its day, which account
 * it names, and which existing transactions it resembles. Kept pure so they are tested alone.
 */
import { createHash } from 'node:crypto';
import type { AccountItem } from '../accounts/public';
import type { Money } from '../kit/money/money';
import type { TransactionItem } from '../transactions/public';
import type { ParsedTransaction } from './parse/types';

/** How far apart (days) a message and an existing transaction may be dated and still look alike. */
export const SIMILAR_WITHIN_DAYS = 2;
/** Overall parse confidence from which a message with a matched account records without review. */
export const RECORD_FROM_CONFIDENCE = 0.8;
const MAX_EXTERNAL_ID_LENGTH = 128;

/** Lower-case, whitespace collapsed, digits kept: the same alert re-sent hashes the same. */
export function normaliseMessage(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * `capture:<reference>` when the bank gave one (the SMS and the e-mail of one payment share it),
 * else `capture:#<sha256 of the normalised text>`: the same message twice is the same id.
 */
export function captureExternalId(text: string, reference: string | null | undefined): string {
  const ref = reference?.replace(/\s+/g, '').replace(/\p{C}/gu, '').toUpperCase();
  if (ref && `capture:${ref}`.length <= MAX_EXTERNAL_ID_LENGTH) return `capture:${ref}`;
  return `capture:#${createHash('sha256').update(normaliseMessage(text)).digest('hex')}`;
}

/**
 * The user's accounts a message's hint names: those with a last-digits hint equal to the hint's
 * digits or that they end with (`XXXX1234` names `1234`). Archived accounts take no new entries.
 */
export function accountsMatching(hint: string | null | undefined, accounts: readonly AccountItem[]): AccountItem[] {
  const digits = hint?.replace(/\D/g, '') ?? '';
  if (digits.length < 2) return [];
  return accounts.filter(
    (account) => !account.archived && (account.hints?.lastDigits ?? []).some((last) => digits.endsWith(last)),
  );
}

/** The message's own day, else the day it was received (or now) in the user's time zone. */
export function captureDate(
  parsed: Pick<ParsedTransaction, 'occurredAt'>,
  receivedAt: string | null | undefined,
  timezone: string,
  now: Date,
): string {
  if (parsed.occurredAt) return parsed.occurredAt.value.date;
  const received = receivedAt ? new Date(receivedAt) : now;
  return dayIn(timezone, Number.isNaN(received.getTime()) ? now : received);
}

function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function shiftDay(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const words = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);

/**
 * Whether two payees are probably the same: equal or one inside the other once punctuation is
 * gone, or sharing a word of three letters or more. A side without a payee is no evidence
 * against, so it counts as similar: review is cheaper than a silent miss.
 */
export function similarPayees(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  const flat = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const [fa, fb] = [flat(a), flat(b)];
  if (fa.length > 0 && fb.length > 0 && (fa.includes(fb) || fb.includes(fa))) return true;
  const wordsOfB = new Set(words(b));
  return words(a).some((word) => wordsOfB.has(word));
}

/** What the capture would record, for comparing with existing transactions. */
export type CaptureShape = {
  accountId: string;
  direction: 'debit' | 'credit';
  money: Money;
  /** The charge in the account's currency, when the message gave it. */
  accountMoney?: Money | undefined;
  date: string;
  payee: string | null;
};

const withinDays = (a: string, b: string) =>
  a >= shiftDay(b, -SIMILAR_WITHIN_DAYS) && a <= shiftDay(b, SIMILAR_WITHIN_DAYS);
const sameAmount = (t: TransactionItem, money: Money, accountMoney?: Money) =>
  (t.amount === money.amount && t.currency === money.currency) ||
  (t.accountCurrency === money.currency && Math.abs(t.accountAmount) === money.amount) ||
  (accountMoney !== undefined &&
    t.accountCurrency === accountMoney.currency &&
    Math.abs(t.accountAmount) === accountMoney.amount);
const outgoing = (t: TransactionItem) => t.accountAmount < 0;

/** Transactions on the same account, same direction and amount, within ± 2 days, with a similar payee. */
export function similarTransactions(
  capture: CaptureShape,
  transactions: readonly TransactionItem[],
): TransactionItem[] {
  return transactions.filter(
    (t) =>
      t.accountId === capture.accountId &&
      outgoing(t) === (capture.direction === 'debit') &&
      withinDays(t.date, capture.date) &&
      sameAmount(t, capture.money, capture.accountMoney) &&
      similarPayees(t.payee, capture.payee),
  );
}

/**
 * The other leg of a transfer between own accounts: an expense or income (not already a transfer)
 * on another of the user's accounts, the opposite way, same amount, within ± 2 days.
 */
export function transferCounterpart(
  capture: CaptureShape,
  transactions: readonly TransactionItem[],
): TransactionItem | undefined {
  return transactions.find(
    (t) =>
      t.accountId !== capture.accountId &&
      t.kind !== 'transfer' &&
      outgoing(t) !== (capture.direction === 'debit') &&
      withinDays(t.date, capture.date) &&
      sameAmount(t, capture.money, capture.accountMoney),
  );
}
