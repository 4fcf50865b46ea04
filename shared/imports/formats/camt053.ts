/**
 * ISO 20022 CAMT.053 bank-to-customer statements (camt.053.001.02 to .001.13), read with
 * fast-xml-parser: `BkToCstmrStmt/Stmt/Ntry`. Only booked entries (`Sts` BOOK) are rows: a pending
 * entry (PDNG) may still change or vanish and comes back booked in a later statement, so it is
 * skipped and said so.
 *
 * A batch booking (one `Ntry` with several `TxDtls`) becomes one row per transaction when every
 * transaction carries its amount, in the entry's currency, and they add up to the entry; otherwise
 * the entry is one row, as booked.
 */
import { XMLParser } from 'fast-xml-parser';
import { isCurrency } from '../../kit/money/currencies';
import { minorUnits } from './amount';
import { isoDay } from './dates';
import { FieldError, StatementUnreadable } from './errors';
import { cleanText } from './text';
import type { ParsedStatement, RowFailure, StatementRow } from './types';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: true,
  // Everything stays a string: references and amounts must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd'].includes(name),
});

const child = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, name) => (at !== null && typeof at === 'object' ? (at as Node)[name] : undefined), node);
const text = (node: unknown, ...path: string[]): string | undefined => {
  const value = child(node, ...path);
  if (typeof value === 'string') return value;
  const inner = child(value, '#text');
  return typeof inner === 'string' ? inner : undefined;
};
const list = (node: unknown, ...path: string[]): unknown[] => {
  const value = child(node, ...path);
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
};

type Money = { amount: number; currency: string };

/** An `Amt` element: `<Amt Ccy="EUR">12.50</Amt>`, signed by the credit/debit indicator. */
function money(amt: unknown, indicator: string | undefined, fallbackCurrency: string, field: string): Money {
  const value = text(amt);
  if (value === undefined) throw new FieldError(`${field} is missing`);
  const currency = (text(amt, '@Ccy') ?? fallbackCurrency).toUpperCase();
  if (!isCurrency(currency)) throw new FieldError(`${field} currency '${currency}' is not a currency`);
  if (indicator !== 'DBIT' && indicator !== 'CRDT') {
    throw new FieldError(`CdtDbtInd '${indicator ?? ''}' is neither CRDT nor DBIT`);
  }
  try {
    const amount = minorUnits(value.trim(), currency);
    return { amount: indicator === 'DBIT' ? -amount : amount, currency };
  } catch (error) {
    throw new FieldError(`${field} ${(error as Error).message}`);
  }
}

/** `BookgDt/Dt` (2026-11-03) or `BookgDt/DtTm` (2026-11-03T09:12:44+01:00), else the value day. */
function bookingDay(entry: unknown): string {
  for (const at of ['BookgDt', 'ValDt']) {
    const written = text(entry, at, 'Dt') ?? text(entry, at, 'DtTm');
    if (written === undefined) continue;
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(written.trim());
    if (!match) throw new FieldError(`${at} '${written}' is not an ISO day`);
    try {
      return isoDay(Number(match[1]), Number(match[2]), Number(match[3]), written);
    } catch (error) {
      throw new FieldError(`${at} ${(error as Error).message}`);
    }
  }
  throw new FieldError('has neither BookgDt nor ValDt');
}

/** The other party: the creditor of money going out, the debtor of money coming in. */
function counterparty(details: unknown, amount: number): string | null {
  const parties = child(details, 'RltdPties');
  const roles = amount < 0 ? ['Cdtr', 'UltmtCdtr'] : ['Dbtr', 'UltmtDbtr'];
  for (const role of roles) {
    // camt.053.001.08 and later wrap the party: Cdtr/Pty/Nm.
    const name = cleanText(text(parties, role, 'Nm') ?? text(parties, role, 'Pty', 'Nm'));
    if (name !== null) return name;
  }
  return null;
}

function remittance(details: unknown): string | null {
  const lines = list(details, 'RmtInf', 'Ustrd').map((line) => text(line) ?? '');
  return cleanText(lines.join(' ')) ?? cleanText(text(details, 'AddtlTxInf'));
}

function statusOf(entry: unknown): string | undefined {
  return (text(entry, 'Sts', 'Cd') ?? text(entry, 'Sts'))?.trim().toUpperCase();
}

export function parseCamt053(content: string, options: { currency: string }): ParsedStatement {
  let document: Node;
  try {
    document = parser.parse(content) as Node;
  } catch (error) {
    throw new StatementUnreadable('file', `is not a readable XML file: ${(error as Error).message}`);
  }
  const root = child(document, 'Document');
  const statements = list(root, 'BkToCstmrStmt', 'Stmt');
  if (child(root, 'BkToCstmrStmt') === undefined) {
    const other = child(root, 'BkToCstmrAcctRpt')
      ? ' (it is a camt.052 account report)'
      : child(root, 'BkToCstmrDbtCdtNtfctn')
        ? ' (it is a camt.054 notification)'
        : '';
    throw new StatementUnreadable('file', `is not a CAMT.053 statement (no Document/BkToCstmrStmt)${other}`);
  }

  const rows: StatementRow[] = [];
  const failures: RowFailure[] = [];
  const skipped: RowFailure[] = [];
  let position = 0;
  let entryNumber = 0;
  for (const statement of statements) {
    const accountCurrency = text(statement, 'Acct', 'Ccy')?.toUpperCase();
    const fileCurrency = accountCurrency && isCurrency(accountCurrency) ? accountCurrency : options.currency;
    for (const entry of list(statement, 'Ntry')) {
      position += 1;
      entryNumber += 1;
      const reference = cleanText(text(entry, 'AcctSvcrRef'));
      const where = `Ntry ${entryNumber}${reference ? ` (AcctSvcrRef ${reference})` : ''}`;
      const status = statusOf(entry);
      if (status !== undefined && status !== 'BOOK') {
        skipped.push({
          line: position,
          reason: `${where}: status ${status}, not booked (BOOK); it comes again once booked`,
        });
        continue;
      }
      try {
        const indicator = text(entry, 'CdtDbtInd')?.trim();
        const booked = money(child(entry, 'Amt'), indicator, fileCurrency, 'Amt');
        const date = bookingDay(entry);
        const details = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
        const parts = batchParts(details, indicator, booked);
        if (parts) {
          parts.forEach((part, k) => {
            if (k > 0) position += 1;
            if (part.amount === 0) {
              skipped.push({
                line: position,
                reason: `${where}, TxDtls ${k + 1}: the amount is zero, nothing to record`,
              });
              return;
            }
            const detail = details[k];
            rows.push({
              line: position,
              date,
              amount: part.amount,
              currency: part.currency,
              payee: counterparty(detail, part.amount),
              note: remittance(detail),
              externalId:
                cleanText(text(detail, 'Refs', 'AcctSvcrRef')) ?? (reference === null ? null : `${reference}/${k + 1}`),
            });
          });
          continue;
        }
        if (booked.amount === 0) {
          skipped.push({ line: position, reason: `${where}: the amount is zero, nothing to record` });
          continue;
        }
        const only = details.length === 1 ? details[0] : undefined;
        rows.push({
          line: position,
          date,
          amount: booked.amount,
          currency: booked.currency,
          payee: only === undefined ? null : counterparty(only, booked.amount),
          note: (only === undefined ? null : remittance(only)) ?? cleanText(text(entry, 'AddtlNtryInf')),
          externalId: reference ?? cleanText(text(only, 'Refs', 'AcctSvcrRef')),
        });
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        failures.push({ line: position, reason: `${where}: ${error.message}` });
      }
    }
  }
  return { rows, failures, skipped };
}

/**
 * The signed amounts of a batch's transactions when the entry can be split into them: two or more
 * transactions, each with its amount (`Amt` in .001.08 and later, `AmtDtls/TxAmt/Amt` before), in
 * the entry's currency, adding up to the entry. Undefined when the entry stays one row.
 */
function batchParts(details: unknown[], indicator: string | undefined, booked: Money): Money[] | undefined {
  if (details.length < 2) return undefined;
  const parts: Money[] = [];
  for (const detail of details) {
    const amt = child(detail, 'Amt') ?? child(detail, 'AmtDtls', 'TxAmt', 'Amt');
    if (amt === undefined) return undefined;
    let part: Money;
    try {
      part = money(amt, text(detail, 'CdtDbtInd')?.trim() ?? indicator, booked.currency, 'TxDtls Amt');
    } catch {
      return undefined;
    }
    if (part.currency !== booked.currency) return undefined;
    parts.push(part);
  }
  const total = parts.reduce((sum, part) => sum + part.amount, 0);
  return total === booked.amount ? parts : undefined;
}
