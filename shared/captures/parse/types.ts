/**
 * What the bank-message parser reads out of one message. Deterministic and offline: the same text
 * and context always give the same result. Every field says how sure the parser is (0–1); a field
 * the message does not carry is null.
 */
import type { Money } from '../../kit/money/money';

export type Field<T> = { value: T; confidence: number } | null;

export type Direction = 'debit' | 'credit';

/** A day as the message gives it, resolved to a full date; the time when the message has one. */
export type MessageDate = { date: string; time?: string };

export type ParsedTransaction = {
  kind: 'transaction';
  /** The template that matched (`in.upi-debit`, `uk.card-payment` …) or `fallback`. */
  template: string;
  direction: Field<Direction>;
  /** What was paid or received, in minor units of its currency. */
  money: Field<Money>;
  /** A foreign-currency card alert's amount in the card's currency, when the message gives both. */
  accountMoney: Field<Money>;
  /** The merchant, payee or payer. */
  counterparty: Field<string>;
  /** The account's or card's last digits as the message shows them (`1234`). */
  accountHint: Field<string>;
  occurredAt: Field<MessageDate>;
  balanceAfter: Field<Money>;
  /** The bank's reference: UPI/IMPS/NEFT reference, authorisation code … */
  reference: Field<string>;
  /** Overall confidence, 0–1. */
  confidence: number;
};

export type IgnoreReason = 'otp' | 'promotion' | 'balance-enquiry' | 'declined' | 'not-a-transaction';

export type IgnoredMessage = { kind: 'ignored'; reason: IgnoreReason; template?: string };

export type ParsedMessage = ParsedTransaction | IgnoredMessage;

export type ParseContext = {
  /** When the message arrived (ISO 8601); dates without a year take it from here. */
  receivedAt?: string;
  /** The user's time zone, for `receivedAt`'s day. */
  timezone?: string;
  /** Who sent it (an SMS sender id such as `VM-HDFCBK`, an email address). */
  sender?: string;
  source?: 'sms' | 'email' | 'push';
  /** The currency of an amount that names none (the user's home currency). */
  defaultCurrency?: string;
};
