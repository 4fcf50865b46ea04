/**
 * The bank-message parser: text in, a transaction (every field with a confidence) or the reason it
 * is not one out. Pure and synchronous: no clock, no I/O, so a message parses the same way in the
 * capture route, in review and in tests.
 *
 * 1. Messages that are not transactions (OTPs, promotions, balance enquiries, declined payments,
 *    dues and reminders) are recognised first and ignored with a reason.
 * 2. The first template whose pattern matches reads its fields (confidence 0.95 each); the
 *    general grammar fills the fields the template does not capture (0.8).
 * 3. Otherwise the general grammar reads every field (0.5–0.7), so an unusual message lands below
 *    the 0.8 at which a capture is recorded without review.
 */
import { readAmount } from './amounts';
import { findDate } from './dates';
import { ignoreReason, readAccountHint, readAmounts, readCounterparty, readDirection, readReference } from './grammar';
import { type Family, type Template, templates } from './templates';
import type { Field, MessageDate, ParseContext, ParsedMessage, ParsedTransaction } from './types';

export { templates } from './templates';
export type * from './types';

const TEMPLATE = 0.95;
const TEMPLATE_GRAMMAR = 0.8;
const FALLBACK = 0.6;
const FALLBACK_CEILING = 0.7;
/** A template-read amount whose currency comes from the template, not the message. */
const TEMPLATE_CURRENCY = 0.9;

function field<T>(value: T | null | undefined, confidence: number): Field<T> {
  return value === null || value === undefined ? null : { value, confidence };
}

/**
 * The message as the parser reads it: one space between words, line breaks kept (some banks put
 * one field per line), blank lines dropped. Two deliveries of the same message normalise alike.
 */
export function normaliseMessage(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function familyCurrency(family: Family): string | undefined {
  return family === 'in' ? 'INR' : family === 'uk' ? 'GBP' : family === 'us' ? 'USD' : undefined;
}

function cleanName(name: string | undefined): string | undefined {
  const cleaned = name
    ?.replace(/\s+/g, ' ')
    .replace(/[\s.,;:-]+$/, '')
    .trim();
  return cleaned ? cleaned : undefined;
}

function dateOf(written: string | undefined, text: string, context: ParseContext, monthFirst: boolean) {
  const options = { receivedAt: context.receivedAt, timezone: context.timezone, monthFirst };
  return findDate(written ?? text, options)?.value ?? null;
}

/**
 * An SMS sender id (`VM-HDFCBK`, `AX-ICICIB`, `BZ-SBIUPI`): operators register them per bank, so
 * one that names another bank rules a template out. Email addresses and app names vary too much
 * (forwarders, notification mirrors) to rule anything out.
 */
const SMS_SENDER_ID = /^[A-Z]{2}-[A-Z0-9]{3,9}$/i;

function applyTemplate(template: Template, text: string, context: ParseContext): ParsedTransaction | null {
  const sender = context.sender?.trim();
  if (template.senders && sender && SMS_SENDER_ID.test(sender) && !template.senders.test(sender)) return null;
  const groups = template.pattern.exec(text)?.groups;
  if (!groups?.amount) return null;
  const currency = template.currency ?? familyCurrency(template.family);
  const read = readAmount(groups.amount, template.currency, context.defaultCurrency ?? currency);
  if (!read) return null;
  const grammar = readAmounts(text, read.money.currency);
  const monthFirst = template.family === 'us';
  let occurredAt: Field<MessageDate> = null;
  if (groups.date) {
    const date = dateOf(`${groups.date}${groups.time ? ` ${groups.time}` : ''}`, text, context, monthFirst);
    occurredAt = field(date, TEMPLATE);
  } else {
    occurredAt = field(dateOf(undefined, text, context, monthFirst), TEMPLATE_GRAMMAR);
  }
  const direction = template.direction ?? readDirection(text)?.value;
  const moneyConfidence = read.explicit || template.currency ? TEMPLATE : TEMPLATE_CURRENCY;
  const balance = groups.balance ? readAmount(groups.balance, read.money.currency)?.money : grammar.balance;
  return {
    kind: 'transaction',
    template: template.name,
    direction: field(direction, template.direction ? TEMPLATE : TEMPLATE_GRAMMAR),
    money: field(read.money, moneyConfidence),
    accountMoney: groups.accountAmount
      ? field(readAmount(groups.accountAmount, undefined, context.defaultCurrency)?.money, TEMPLATE)
      : field(grammar.accountMoney?.money, TEMPLATE_GRAMMAR),
    counterparty: groups.counterparty
      ? field(cleanName(groups.counterparty), TEMPLATE)
      : field(cleanName(readCounterparty(text, direction)), TEMPLATE_GRAMMAR),
    accountHint: groups.account ? field(groups.account, TEMPLATE) : field(readAccountHint(text), TEMPLATE_GRAMMAR),
    occurredAt,
    balanceAfter: field(balance, groups.balance ? TEMPLATE : TEMPLATE_GRAMMAR),
    reference: groups.reference ? field(groups.reference, TEMPLATE) : field(readReference(text), TEMPLATE_GRAMMAR),
    confidence: Math.min(template.direction ? TEMPLATE : TEMPLATE_GRAMMAR, direction ? 1 : 0, moneyConfidence),
  };
}

const BARE_AMOUNT =
  /\b(?:debited|credited|withdrawn|spent|paid|received|deposited)\s(?:by|for|with|of)?\s?(\d[\d,.]*\d|\d)/i;

function fallback(text: string, context: ParseContext): ParsedMessage {
  const amounts = readAmounts(text, context.defaultCurrency);
  let money = amounts.money?.money;
  let moneyConfidence = FALLBACK_CEILING;
  if (!money) {
    const bare = BARE_AMOUNT.exec(text)?.[1];
    money = bare ? readAmount(bare, undefined, context.defaultCurrency)?.money : undefined;
    moneyConfidence = 0.5;
  }
  const read = readDirection(text);
  const sign = amounts.money?.sign;
  const direction = read?.value ?? (sign === '-' ? 'debit' : sign === '+' ? 'credit' : undefined);
  if (!money || !direction) return { kind: 'ignored', reason: 'not-a-transaction' };
  const directionConfidence = read ? (read.ambiguous ? 0.5 : FALLBACK_CEILING) : 0.6;
  const accountCurrency = amounts.accountMoney?.money.currency ?? money.currency;
  return {
    kind: 'transaction',
    template: 'fallback',
    direction: field(direction, directionConfidence),
    money: field(money, moneyConfidence),
    accountMoney: field(amounts.accountMoney?.money, FALLBACK),
    counterparty: field(cleanName(readCounterparty(text, direction, amounts.money?.end)), FALLBACK),
    accountHint: field(readAccountHint(text), FALLBACK),
    occurredAt: field(dateOf(undefined, text, context, accountCurrency === 'USD'), FALLBACK),
    balanceAfter: field(amounts.balance, FALLBACK),
    reference: field(readReference(text), FALLBACK),
    confidence: Math.min(directionConfidence, moneyConfidence, FALLBACK_CEILING),
  };
}

/**
 * How much of a message is read. Bank alerts are a few hundred characters, an alert email's text
 * a few thousand; the bound keeps the patterns' work small whatever is sent.
 */
export const MAX_MESSAGE_LENGTH = 4000;

/** Parses one bank message. The same text and context always give the same result. */
export function parseMessage(text: string, context: ParseContext = {}): ParsedMessage {
  const normalised = normaliseMessage(text.slice(0, MAX_MESSAGE_LENGTH));
  const reason = ignoreReason(normalised);
  if (reason) return { kind: 'ignored', reason };
  for (const template of templates) {
    const parsed = applyTemplate(template, normalised, context);
    if (parsed) return parsed;
  }
  return fallback(normalised, context);
}
