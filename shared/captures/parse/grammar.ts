/**
 * The general grammar: what any bank's message is made of, read without knowing the bank. Each
 * reader finds one field (direction words, "at/to/from <merchant>", "a/c XX1234", "card ending
 * 1234", "Avl Bal", "Ref no" …). Templates use the same readers for the fields their own patterns
 * do not capture.
 */
import type { Money } from '../../kit/money/money';
import { type AmountToken, amountTokens, NUMBER, readAmount } from './amounts';
import type { Direction, IgnoreReason } from './types';

// JavaScript's \b treats accented letters as non-word characters, so `\brefusé\b` never matches
// "refusé " and `\béchoué` never matches " échoué". The word lists below use a boundary that
// counts Latin-1 letters as letters.
const LETTER = String.raw`[\wÀ-ÿ]`;
const BOUNDARY = `(?:(?<!${LETTER})(?=${LETTER})|(?<=${LETTER})(?!${LETTER}))`;
function latin(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replaceAll(String.raw`\b`, BOUNDARY), pattern.flags);
}

// ---------------------------------------------------------------------------------------------
// Messages that are not transactions

const OTP_WORDS = `OTP|one[- ]time (?:password|passcode|code|pin)|verification code|security code|passcode|m?TAN|code de (?:vérification|sécurité)|código de (?:verificación|seguridad)|verificatiecode|Bestätigungscode`;
const OTP = latin(
  new RegExp(
    String.raw`(?:\b(?:${OTP_WORDS})\b[^.\n]{0,70}?(?:\bis|\best|\bes|\blautet|\bist|:|-|=)\s?(?<![\d,.])\d{4,8}(?![\d,.]\d)|(?<![\d,.])\d{4,8}\s(?:is|est|es|ist)\s(?:(?:your|the|votre|tu|Ihr[e]?)\s)?(?:[A-Za-z]+\s){0,3}(?:${OTP_WORDS}))`,
    'i',
  ),
);
/** A payment that is done: refunds, reversals and cashbacks that were credited included. */
const COMPLETED = latin(
  /\b(?:debited|credited|spent|withdrawn|paid|received|deposited|sent|charged|purchase was made|was used|transferred|(?:has|have) been (?:debited|credited|charged|made)|abgebucht|belastet|gutgeschrieben|bezahlt|erhalten|débité|crédité|prélevé|cargado|abonado|recibido|afgeschreven|bijgeschreven|betaald|ontvangen)\b/i,
);
const REFUND_CREDITED = latin(
  /\b(?:refund|reversal|reversed|revers[ée]|cashback|remboursement|Erstattung|reembolso|terugbetaling)\b[^\n]{0,80}\b(?:credited|crédité|gutgeschrieben|abonado|bijgeschreven|has been added|added to)\b|\b(?:credited|crédité)\b[^\n]{0,40}\b(?:refund|reversal)\b/i,
);
const DECLINED = latin(
  /\b(?:declined|failed|unsuccessful|not successful|could not be (?:processed|completed)|was not (?:processed|completed)|rejected|insufficient (?:funds|balance)|abgelehnt|fehlgeschlagen|refus[ée]e?|échou[ée]e?|rechazad[ao]|denegad[ao]|geweigerd|mislukt)\b/i,
);
const PROMOTION = latin(
  /\b(?:pre-?approved|apply now|apply today|offer(?:s)?|limited period|hurry|exclusive|T&Cs?|upgrade to|switch (?:today|now|and get)|win|won|earn|bonus|get (?:up ?to )?\d+%|\d+% off|cashback (?:of )?up ?to|EMI (?:at|starting)|click|download|angebot|offre|oferta|aanbieding)\b/i,
);
const BALANCE = latin(
  /\b(?:available balance|avl\.? bal(?:ance)?|balance (?:in|of|for|at|as on|as of)|your (?:a\/c |account )?balance|current balance|kontostand|saldo|solde)\b/i,
);
/** Notices about money that has not moved: dues, statements, future debits, collect requests. */
const NOTICE = latin(
  /\b(?:is due|due (?:date|on|by)|min(?:imum)?\.? (?:amount )?due|total (?:amount )?due|statement (?:is |has been )?generated|will be (?:debited|charged|deducted|credited)|has requested (?:money|a payment)|requested (?:Rs|INR|₹)|collect request|mandate (?:created|registered))\b/i,
);

/** Words of a reminder, which alert emails also use in their footers: only a notice without a payment. */
const REMINDER = latin(/\b(?:payment reminder|reminder|erinnerung|rappel|recordatorio|herinnering)\b/i);

/** Why a message is not a transaction, or undefined when it may be one. */
export function ignoreReason(text: string): IgnoreReason | undefined {
  if (OTP.test(text)) return 'otp';
  const completed = COMPLETED.test(text);
  if (REFUND_CREDITED.test(text)) return undefined;
  if (DECLINED.test(text)) return 'declined';
  if (NOTICE.test(text)) return 'not-a-transaction';
  if (REMINDER.test(text) && !completed) return 'not-a-transaction';
  if (PROMOTION.test(text) && !completed) return 'promotion';
  if (BALANCE.test(text) && !completed && !readDirection(text)) return 'balance-enquiry';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Direction

const DEBIT = latin(
  /\b(?:Dr(?=\.?\s(?:from|to)\b)|debited|debit(?!\s*card)|spent|paid(?!\s+(?:you|into|in)\b)|withdrawn|withdrawal|purchase|sent(?!\s+you)|charged|charge of|transferred to|payment of|payment to|made a|transaction(?: alert)? (?:of|with|at|for|on)|transaction was (?:made|charged)|txn (?:of|at|for)|gesendet|überwiesen|pagamento|addebito|addebitat[oa]|prelievo|was used|using your|used (?:for|at)|abgebucht|belastet|kartenzahlung|zahlung|lastschrift|bezahlt|abhebung|paiement|prélèvement|prélevé|débité|débit|achat|retrait|compra|pago|cargo|retirada|betaling|afgeschreven|betaald|pinbetaling|opname)\b/gi,
);
const CREDIT = latin(
  /\b(?:Cr(?=\.?\s(?:to|from|in)\b)|credited|credit(?!\s*card)|received|deposited|deposit|refund(?:ed)?|reversal|reversed|cashback|added to|paid into|paid in|paid you|zahlungseingang|geldeingang|accredito|accreditat[oa]|ricevuto|sent you|gutgeschrieben|gutschrift|eingang|erhalten|crédité|reçu|remboursement|abono|abonado|ingreso|recibido|bijgeschreven|ontvangen|teruggestort)\b/gi,
);

/** The direction whose word comes first, and whether the other kind also appears. */
export function readDirection(text: string): { value: Direction; ambiguous: boolean } | null {
  const debit = text.search(DEBIT);
  const credit = text.search(CREDIT);
  if (debit < 0 && credit < 0) return null;
  if (credit < 0 || (debit >= 0 && debit < credit)) return { value: 'debit', ambiguous: credit >= 0 };
  return { value: 'credit', ambiguous: debit >= 0 };
}

// ---------------------------------------------------------------------------------------------
// Amounts: the transaction's, the account's (foreign-currency card alerts) and the balance

const BALANCE_LABEL =
  /(?:avl\.?\s*bal(?:ance)?|avail(?:able)?\.?\s*bal(?:ance)?|a\/c bal(?:ance)?|\bbal(?:ance)?|new balance|closing balance|saldo|solde|kontostand)(?:\s+(?:is|was|of|now|is now|now is))?\s*[:.\-=]*\s*(?:is\s*)?$/i;
const LIMIT_LABEL =
  /(?:avl\.?\s*(?:lmt|limit)|avail(?:able)?\.?\s*(?:credit\s*)?(?:lmt|limit)|credit limit|\blimit|\blmt)\s*[:.\-=]*\s*(?:is\s*)?$/i;
const ACCOUNT_AMOUNT_LABEL =
  /(?:billed as|billed|converted to|equivalent(?: to)?|equiv\.?|approx\.?|which is|charged as|debited for|~|≈|=)\s*$/i;

export type Amounts = {
  money: AmountToken | null;
  accountMoney: AmountToken | null;
  balance: Money | null;
};

export function readAmounts(text: string, defaultCurrency?: string): Amounts {
  const tokens = amountTokens(text, defaultCurrency);
  let balance: Money | null = null;
  const spending: AmountToken[] = [];
  for (const token of tokens) {
    const before = text.slice(Math.max(0, token.start - 32), token.start);
    if (LIMIT_LABEL.test(before)) continue;
    if (BALANCE_LABEL.test(before)) {
      balance ??= token.money;
      continue;
    }
    spending.push(token);
  }
  const [first, ...rest] = spending;
  if (!first) return { money: null, accountMoney: null, balance: balance ?? bareBalance(text, defaultCurrency) };
  const other = rest.find((token) => token.money.currency !== first.money.currency && token.start - first.end < 80);
  let money = first;
  let accountMoney: AmountToken | null = null;
  if (other) {
    const inParens = (t: AmountToken) => /\(\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start));
    const labelled = (t: AmountToken) => ACCOUNT_AMOUNT_LABEL.test(text.slice(Math.max(0, t.start - 20), t.start));
    // The user's own currency is the account's; otherwise a label ("billed as") or parentheses
    // mark the account amount, and the amount written first is the one paid.
    const home = (t: AmountToken) => t.money.currency === defaultCurrency;
    const accountFirst =
      home(first) !== home(other) ? home(first) : labelled(first) || (inParens(first) && !labelled(other));
    [money, accountMoney] = accountFirst ? [other, first] : [first, other];
  }
  return { money, accountMoney, balance: balance ?? bareBalance(text, first.money.currency) };
}

const BARE_BALANCE = new RegExp(
  String.raw`(?:avl\.?\s*bal(?:ance)?|avail(?:able)?\.?\s*bal(?:ance)?|a\/c bal(?:ance)?|\bbal(?:ance)?)\s*(?:is\s*)?[:.\-]*\s*(${NUMBER})`,
  'i',
);

/** "Avl Bal: 12,345.67" with no currency: the balance is in the account's currency. */
function bareBalance(text: string, currency: string | undefined): Money | null {
  const match = BARE_BALANCE.exec(text);
  if (!match?.[1]) return null;
  return readAmount(match[1], currency)?.money ?? null;
}

// ---------------------------------------------------------------------------------------------
// Counterparty

const DEBIT_LEAD =
  /\b(?:at|@|chez|bei|en|aan|bij|with|to|trf to|towards|paid to|sent to|transfer to|à|an|info:?|presso|pr[ée]l[eè]vement|lastschrift an)\s+(?:VPA\s+)?/gi;
const CREDIT_LEAD = /\b(?:from|by|von|de la part de|de|van|par)\s+(?:(?:a\/c linked to\s+)?VPA\s+)?/gi;
const STOP_WORDS = new Set([
  'on',
  'via',
  'using',
  'for',
  'ref',
  'refno',
  'upi',
  'avl',
  'bal',
  'dated',
  'at',
  'with',
  'from',
  'to',
  'by',
  'in',
  'into',
  'is',
  'was',
  'has',
  'have',
  'had',
  'been',
  'and',
  'am',
  'le',
  'el',
  'op',
  'le',
  'il',
  'via',
  'mit',
  'um',
  'auf',
  'sur',
  'avec',
  'con',
  'met',
  'posted',
  'credited',
  'debited',
  'received',
  'erhalten',
  'bezahlt',
  'gutgeschrieben',
  'made',
  'were',
  'utr',
  'imps',
  'neft',
  'txn',
  'rrn',
  'not',
  'if',
  'your',
  'de',
  'van',
  'ref:',
  'date',
  'card',
  'avl.',
  'value',
  'reçu',
  'recibido',
  'ontvangen',
  'this',
  'that',
  'authorized',
  'authorised',
  'ending',
  'belastet',
  'abgebucht',
  'gesendet',
  'überwiesen',
  'paid',
  'spent',
  'charged',
  'débité',
  'crédité',
  'addebitato',
  'accreditato',
]);
const REJECT_FIRST =
  /^(?:your|you|yours|a\/c|ac|acct|account|card|the|report|block|us|me|dispute|avoid|reissue|uw|votre|ihr|ihre|ihrem|tu|su|hdfc|icici|sbi|axis|kotak|bank|neft|imps|rtgs|upi|date|self|mobile|number|amount|amt|transaction|txn|payment|transfer|inform|notify|confirm|let)\b/i;
const ACCOUNT_LIKE = /\b(?:a\/c|acct|account|card|konto|compte|carte|karte|tarjeta|cuenta|rekening|pas)\b|[xX*]{2,}\d/i;
const NUMERIC = /^[\d:/.\-,]+$/;

/** Up to six words after `from`, stopping at a stop word, a number, punctuation or a line break. */
export function readName(text: string, from: number): string | undefined {
  const line = text.slice(from).split('\n', 1)[0] ?? '';
  const words: string[] = [];
  for (const raw of line.split(/\s+/)) {
    if (raw === '' || words.length === 6) break;
    const word = raw.replace(/[,;:)(]+$/, '');
    const lower = word.replace(/\.$/, '').toLowerCase();
    const innerNumber = words.length > 0 && /^#?\d{1,5}$/.test(word);
    if (STOP_WORDS.has(lower) || (NUMERIC.test(word) && !innerNumber) || /^[([]/.test(raw)) break;
    if (/^(?:Rs\.?|INR|₹|€|£|\$|USD|EUR|GBP)\d/i.test(word)) break;
    const endsSentence = /\.$/.test(word) && !/^[A-Za-z]\.$/.test(word) && !/\.\w+\.$/.test(word);
    words.push(endsSentence ? word.slice(0, -1) : word);
    if (endsSentence || word !== raw) break;
  }
  const name = words
    .join(' ')
    .replace(/[.,;:-]+$/, '')
    .trim();
  return name === '' ? undefined : name;
}

function acceptable(name: string | undefined): name is string {
  return (
    name !== undefined &&
    !REJECT_FIRST.test(name) &&
    !/\b(?:Rs|INR|EUR|USD|GBP)\b/.test(name) &&
    !ACCOUNT_LIKE.test(name) &&
    !NUMERIC.test(name)
  );
}

const VPA = /(?<![\w.-])[\w.-]+@[A-Za-z]{2,}\b(?!\.)/;
/** ICICI-style remarks: `Info:BIL*000987654321*AIRTEL` (channel, reference, name). */
export const INFO_STARRED = /\bInfo:\s?[A-Z]{3}\*(?<ref>\w*\d\w*)\*(?<name>[^.*\n]+)/;
const UPI_INFO = /\bUPI\/(?:P2[AM]|CR|DR|MB)\/\d{6,}\/(?<name>[^/\n.]+)/i;

export function readCounterparty(
  text: string,
  direction: Direction | undefined,
  amountEnd?: number,
): string | undefined {
  const info = (UPI_INFO.exec(text) ?? INFO_STARRED.exec(text))?.groups?.name?.trim();
  if (info) return info;
  // "to VPA name@bank": a UPI address named as such is the other side, wherever it stands.
  const named = /\bVPA\s+([\w.-]+@[A-Za-z]{2,})\b/i.exec(text)?.[1];
  if (named) return named;
  const leads = direction === 'credit' ? [CREDIT_LEAD, DEBIT_LEAD] : [DEBIT_LEAD, CREDIT_LEAD];
  for (const lead of leads) {
    for (const match of text.matchAll(lead)) {
      const name = readName(text, match.index + match[0].length);
      if (acceptable(name)) return name;
    }
  }
  const vpa = VPA.exec(text)?.[0];
  if (vpa) return vpa;
  // "-12,99 EUR, NETFLIX.COM": a name right after the amount.
  if (amountEnd !== undefined) {
    const after = /^\s?[,:]\s?/.exec(text.slice(amountEnd));
    const name = after ? readName(text, amountEnd + after[0].length) : undefined;
    if (acceptable(name)) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Account hint and reference

const MASKED = /(?:[xX*•]{1,16}|\.{2,})\s?(\d{3,5})\b/;
const AFTER_WORD =
  /\b(?:ending(?:\s+(?:in|with))?|card(?:\s+no\.?)?|a\/c(?:\s+no\.?)?|acct|account(?:\s+no\.?)?|karte|carte|tarjeta|pas)\s*[:.-]?\s*(\d{4,5})\b/i;

export function readAccountHint(text: string): string | undefined {
  const masked = MASKED.exec(text);
  const worded = AFTER_WORD.exec(text);
  if (masked && (!worded || masked.index <= worded.index)) return masked[1];
  return worded?.[1];
}

const REFERENCE =
  /\b(?:UPI\/(?:P2[AM]|CR|DR|MB)\/|(?:UPI|IMPS|NEFT|RTGS)\s*Ref(?:erence)?\.?\s*(?:No\.?|Number|#)?|Ref(?:erence)?\.?\s*(?:No\.?|Number|ID|#)?|Refno|RRN|UTR(?:\s*No\.?)?|Txn\s*(?:ID|No\.?|#)|Transaction\s*(?:ID|Ref(?:erence)?|No\.?)|Auth(?:ori[sz]ation)?\.?\s*(?:code|no\.?)|Approval code|UPI)(?: number| no\.?)?(?: is)?\s*[:\-#.]*\s*(?<ref>[A-Z0-9]*\d[A-Z0-9]*)\b/i;

export function readReference(text: string): string | undefined {
  const ref = INFO_STARRED.exec(text)?.groups?.ref ?? REFERENCE.exec(text)?.groups?.ref;
  return ref && ref.length >= 4 ? ref : undefined;
}
