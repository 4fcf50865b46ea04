/**
 * The template library: one entry per message family a bank sends. A template recognises its
 * messages by a pattern (and, when it names them, the sender ids) and captures fields in named
 * groups: `amount` (with or without its currency), `accountAmount`, `counterparty`, `account`,
 * `date`, `time`, `balance`, `reference`. Fields a template does not capture are read by the
 * general grammar. Adding a bank is adding a template here and its messages to the fixtures.
 *
 * The patterns are ours (never a user's), anchored on literal phrases and kept linear: no nested
 * quantifiers, lazy captures bounded by the literal that follows them.
 */
import type { Direction } from './types';

export type Family = 'in' | 'uk' | 'eu' | 'us' | 'intl';

export type Template = {
  name: string;
  family: Family;
  /** The bank's SMS sender ids; a message from another bank's SMS sender id skips the template. */
  senders?: RegExp;
  pattern: RegExp;
  /** Fixed by the template; otherwise read from the message. */
  direction?: Direction;
  /** The currency of an amount the message writes without one. */
  currency?: string;
};

const RS = String.raw`(?:Rs\.?|INR|₹)\s?[\d,.]+`;
const re = (source: string, flags = 'i') => new RegExp(source, flags);

// biome-ignore format: one template a line or two reads better than the formatter's wrapping
export const templates: readonly Template[] = [
  // India: HDFC Bank
  { name: 'in.hdfc-upi-sent', family: 'in', direction: 'debit', senders: /HDFC/i,
    pattern: re(String.raw`^(?:Amt )?Sent (?<amount>${RS})\s+From HDFC Bank A\/C [*xX]*(?<account>\d{4})\s+To (?<counterparty>[^\n]+?)\s+(?<date>On \d{2}[/-]\d{2}(?:[/-]\d{2,4})?)(?:\s+Ref (?<reference>\d{6,}))?`) },
  { name: 'in.hdfc-upi-debit', family: 'in', direction: 'debit', senders: /HDFC/i,
    pattern: re(String.raw`(?<amount>${RS}) debited from a\/c [*xX]*(?<account>\d{4}) on (?<date>\d{2}-\d{2}-\d{2,4}) to VPA (?<counterparty>[^\s(]+)\s?\(UPI Ref No\.? ?(?<reference>\d+)\)`) },
  { name: 'in.hdfc-upi-received', family: 'in', direction: 'credit', senders: /HDFC/i,
    pattern: re(String.raw`Money Received - (?<amount>${RS}) in your HDFC Bank A\/c [xX*]*(?<account>\d{4}) on (?<date>[\d-]+) by a\/c linked to VPA (?<counterparty>[^\s(]+) \(UPI Ref No\.? ?(?<reference>\d+)\)`) },
  { name: 'in.hdfc-card-spent', family: 'in', direction: 'debit', senders: /HDFC/i,
    pattern: re(String.raw`^Spent (?<amount>${RS}) On HDFC Bank Card [xX*]*(?<account>\d{4}) At (?<counterparty>.+?) On (?<date>\d{4}-\d{2}-\d{2}(?::\d{2}:\d{2}(?::\d{2})?)?)`) },
  { name: 'in.hdfc-card-thank-you', family: 'in', direction: 'debit', senders: /HDFC/i,
    pattern: re(String.raw`Thank you for using your HDFC Bank (?:Credit|Debit) Card ending (?<account>\d{4}) for (?<amount>${RS}) at (?<counterparty>.+?) on (?<date>[\d-]+(?: [\d:]+)?)(?:\.\s*Authori[sz]ation code:?-?\s*(?<reference>\d+))?`) },
  { name: 'in.hdfc-imps-debit', family: 'in', direction: 'debit',
    pattern: re(String.raw`A\/c [xX*]*(?<account>\d{4}) is debited (?:with|for) (?<amount>${RS}) on (?<date>[\w-]+) for (?:IMPS|NEFT|RTGS) to (?<counterparty>[^.]+?)\. (?:IMPS|NEFT|RTGS) Ref No\.? ?(?<reference>\w+)`) },
  { name: 'in.neft-credit', family: 'in', direction: 'credit',
    pattern: re(String.raw`(?<amount>${RS}) credited to .{0,30}?A\/c [xX*]*(?<account>\d{4}) on (?<date>[\w-]+) by (?:NEFT|RTGS|IMPS) from (?<counterparty>[^,]+?), (?:UTR|Ref(?: No)?\.?) ?(?<reference>\w+)`) },
  { name: 'in.hdfc-neft-deposited', family: 'in', direction: 'credit', senders: /HDFC/i,
    pattern: re(String.raw`(?<amount>${RS}) deposited in HDFC Bank A\/c [xX*]*(?<account>\d{4}) on (?<date>[\w-]+) for (?:NEFT|RTGS|IMPS) Cr-\w+-(?<counterparty>[^-\n]+?)-[xX*\d]+-(?<reference>\w+)`) },
  // India: ICICI Bank
  { name: 'in.icici-acct-debit', family: 'in', direction: 'debit', senders: /ICICI/i,
    pattern: re(String.raw`ICICI Bank Acct XX(?<account>\d{3,4}) debited (?:for|with) (?<amount>${RS}) on (?<date>[\w-]+?);\s?(?<counterparty>[^.;]+?) credited\.\s?UPI:(?<reference>\d+)`) },
  { name: 'in.icici-acct-credit', family: 'in', direction: 'credit', senders: /ICICI/i,
    pattern: re(String.raw`Acct XX(?<account>\d{3,4}) is credited with (?<amount>${RS}) on (?<date>[\w-]+) (?:from|by) (?<counterparty>[^.]+?)\.\s?UPI:(?<reference>\d+)`) },
  { name: 'in.icici-acct-info', family: 'in', senders: /ICICI/i,
    pattern: re(String.raw`ICICI Bank Account XX(?<account>\d{3,4}) has been (?:debited|credited) with (?<amount>${RS}) on (?<date>[\w-]+)\.\s?Info:\s?[A-Z]{3}\*(?<reference>\w+)\*(?<counterparty>[^.*\n]+)\.`) },
  { name: 'in.icici-card-spent', family: 'in', direction: 'debit', senders: /ICICI/i,
    pattern: re(String.raw`(?<amount>${RS}) spent (?:using|on) ICICI Bank Card XX(?<account>\d{4}) on (?<date>[\w-]+) (?:on|at) (?<counterparty>[^.]+?)\.`) },
  // India: State Bank of India
  { name: 'in.sbi-upi-debit', family: 'in', direction: 'debit', currency: 'INR', senders: /SBI/i,
    pattern: re(String.raw`A\/C X(?<account>\d{4}) debited by (?<amount>(?:Rs\.?)?\s?[\d,.]+) on date (?<date>\w+) trf to (?<counterparty>.+?) Refno (?<reference>\d+)`) },
  { name: 'in.sbi-credit', family: 'in', direction: 'credit', currency: 'INR', senders: /SBI/i,
    pattern: re(String.raw`A\/c X(?<account>\d{4})-?\s?credited by (?<amount>(?:Rs\.?)?\s?[\d,.]+) on (?:date )?(?<date>\w+) (?:transfer from|by) (?<counterparty>.+?) Ref ?No (?<reference>\d+)`) },
  { name: 'in.sbi-atm', family: 'in', direction: 'debit', senders: /SBI/i,
    pattern: re(String.raw`(?<amount>${RS}) withdrawn at (?<counterparty>SBI ATM \w+) from A\/c X(?<account>\d{4}) on (?<date>\w+) Txn# ?(?<reference>\d+)`) },
  { name: 'in.sbi-card-spent', family: 'in', direction: 'debit', senders: /SBI/i,
    pattern: re(String.raw`(?<amount>${RS}) spent on your SBI Credit Card ending (?<account>\d{4}) at (?<counterparty>.+?) on (?<date>[\d/]+\d)`) },
  // India: Axis Bank (multi-line alerts)
  { name: 'in.axis-card-spent', family: 'in', direction: 'debit', senders: /AXIS/i,
    pattern: re(String.raw`^Spent\s+Card no\. XX(?<account>\d{4})\s+(?<amount>${RS})\s+(?<date>[\d-]+ [\d:]+)\s+(?<counterparty>[^\n]+)`) },
  { name: 'in.axis-acct-debit', family: 'in', direction: 'debit', senders: /AXIS/i,
    pattern: re(String.raw`^(?<amount>${RS}) debited\s+A\/c no\. XX(?<account>\d{4})\s+(?<date>[\d-]+),? (?<time>[\d:]+)\s+UPI\/P2[AM]\/(?<reference>\d+)\/(?<counterparty>[^\n]+)`) },
  { name: 'in.axis-debit-upi', family: 'in', direction: 'debit', senders: /AXIS/i,
    pattern: re(String.raw`^Debit (?<amount>${RS})\s+Axis Bank A\/c XX(?<account>\d{4})\s+(?<date>[\d-]+ [\d:]+)\s+UPI\/P2[AM]\/(?<reference>\d+)\/(?<counterparty>[^\n]+)`) },
  // India: Kotak Mahindra Bank
  { name: 'in.kotak-upi-sent', family: 'in', direction: 'debit', senders: /KOTAK/i,
    pattern: re(String.raw`Sent (?<amount>${RS}) from Kotak Bank AC X(?<account>\d{4}) to (?<counterparty>\S+) on (?<date>[\d-]+)\.\s?UPI Ref:? ?(?<reference>\d+)`) },
  { name: 'in.kotak-upi-received', family: 'in', direction: 'credit', senders: /KOTAK/i,
    pattern: re(String.raw`Received (?<amount>${RS}) in your Kotak Bank AC X(?<account>\d{4}) from (?<counterparty>\S+) on (?<date>[\d-]+)\.\s?UPI Ref:? ?(?<reference>\d+)`) },
  // United Kingdom
  { name: 'uk.you-spent', family: 'uk', direction: 'debit',
    pattern: re(String.raw`^You (?:spent|paid) (?<amount>£[\d,.]+) (?:at|to) (?<counterparty>[^\n]+?)\.?$`) },
  { name: 'uk.barclays-payment', family: 'uk', direction: 'debit',
    pattern: re(String.raw`A payment of (?<amount>£[\d,.]+) to (?<counterparty>.+?) was made from your account ending (?<account>\d{4}) on (?<date>[\d/]+)`) },
  { name: 'uk.card-used', family: 'uk', direction: 'debit',
    pattern: re(String.raw`Your (?:debit|credit) card ending (?<account>\d{4}) was used for (?<amount>£[\d,.]+) at (?<counterparty>.+?) on (?<date>\d{1,2} [A-Za-z]{3,9}(?: \d{4})?)`) },
  { name: 'uk.received', family: 'uk', direction: 'credit',
    pattern: re(String.raw`You've received (?<amount>£[\d,.]+) from (?<counterparty>.+?) into your account ending (?<account>\d{4})`) },
  { name: 'uk.starling-spent', family: 'uk', direction: 'debit',
    pattern: re(String.raw`(?<amount>£[\d,.]+) spent at (?<counterparty>.+?) on your card ending (?<account>\d{4})`) },
  { name: 'uk.paid-in', family: 'uk', direction: 'credit',
    pattern: re(String.raw`(?<amount>£[\d,.]+) has been paid into your account ending (?<account>\d{4}) from (?<counterparty>.+?) on (?<date>\d{1,2} [A-Za-z]{3,9}(?: \d{4})?)`) },
  // Euro area
  { name: 'eu.de-kartenzahlung', family: 'eu', direction: 'debit',
    pattern: re(String.raw`Kartenzahlung (?:über|von) (?<amount>[\d.,]+ ?(?:EUR|€)) bei (?<counterparty>.+?) am (?<date>[\d.]+\d)(?: mit Ihrer Karte \*+(?<account>\d{4}))?`) },
  { name: 'eu.de-erhalten', family: 'eu', direction: 'credit',
    pattern: re(String.raw`Du hast (?<amount>[\d.,]+ ?(?:€|EUR)) von (?<counterparty>.+?) erhalten`) },
  { name: 'eu.de-bezahlt', family: 'eu', direction: 'debit',
    pattern: re(String.raw`Du hast (?<amount>[\d.,]+ ?(?:€|EUR)) (?:bei|an) (?<counterparty>.+?) bezahlt`) },
  { name: 'eu.de-zahlungseingang', family: 'eu', direction: 'credit',
    pattern: re(String.raw`Zahlungseingang von (?<amount>[\d.,]+ ?(?:EUR|€)) von (?<counterparty>.+?) auf Ihr(?:em)? Konto \*+(?<account>\d{4})`) },
  { name: 'eu.de-karte-belastet', family: 'eu', direction: 'debit',
    pattern: re(String.raw`Ihre Karte \*+(?<account>\d{4}) wurde mit (?<amount>[\d.,]+ ?(?:EUR|€)) bei (?<counterparty>.+?) belastet`) },
  { name: 'eu.fr-virement-recu', family: 'eu', direction: 'credit',
    pattern: re(String.raw`Virement (?:reçu )?de (?<amount>[\d .,]+ ?(?:EUR|€)) reçu de (?<counterparty>.+?) sur votre compte \*+(?<account>\d{4})(?: le (?<date>[\d/]+\d))?`) },
  { name: 'eu.es-cargo-tarjeta', family: 'eu', direction: 'debit',
    pattern: re(String.raw`cargo de (?<amount>[\d.,]+ ?(?:EUR|€)) en tu tarjeta \*+(?<account>\d{4}) en (?<counterparty>.+?) el (?<date>[\d/]+\d)`) },
  { name: 'eu.nl-ontvangen', family: 'eu', direction: 'credit',
    pattern: re(String.raw`U heeft (?<amount>€ ?[\d.,]+) ontvangen van (?<counterparty>.+?) op rekening \*+(?<account>\d{4})`) },
  { name: 'eu.fr-paiement-carte', family: 'eu', direction: 'debit',
    pattern: re(String.raw`Paiement par carte de (?<amount>[\d.,]+ ?(?:EUR|€)) chez (?<counterparty>.+?) le (?<date>[\d/]+\d)(?: avec la carte \*+(?<account>\d{4}))?`) },
  // United States
  { name: 'us.chase-charge', family: 'us', direction: 'debit', currency: 'USD',
    pattern: re(String.raw`A charge of \(\$?USD\) (?<amount>[\d,.]+) at (?<counterparty>.+?) has been authori[sz]ed on (?<date>[\d/]+(?: [\d:]+ ?[AP]M)?)`) },
  { name: 'us.boa-purchase', family: 'us', direction: 'debit',
    pattern: re(String.raw`A (?<amount>\$[\d,.]+) purchase was made on your (?:credit|debit) card ending in (?<account>\d{4}) at (?<counterparty>.+?) on (?<date>[\d/]+\d)`) },
  { name: 'us.citi-transaction', family: 'us', direction: 'debit',
    pattern: re(String.raw`Citi Alert: A (?<amount>\$[\d,.]+) transaction was made at (?<counterparty>.+?) on card ending in (?<account>\d{4})`) },
  { name: 'us.capital-one-charged', family: 'us', direction: 'debit',
    pattern: re(String.raw`Capital One: A transaction of (?<amount>\$[\d,.]+) was charged at (?<counterparty>.+?) on your .{0,30}?card ending in (?<account>\d{4})`) },
  { name: 'us.deposit-made', family: 'us', direction: 'credit',
    pattern: re(String.raw`A deposit of (?<amount>\$[\d,.]+) was made to your account ending in (?<account>\d{4})`) },
  { name: 'us.boa-deposit', family: 'us', direction: 'credit',
    pattern: re(String.raw`Direct deposit of (?<amount>\$[\d,.]+) from (?<counterparty>.+?) posted to your \w+ account ending in (?<account>\d{4})`) },
];
