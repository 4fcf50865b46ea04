/**
 * OFX and QFX statements, bank (BANKMSGSRSV1) and credit card (CREDITCARDMSGSRSV1). OFX 1.x is SGML,
 * not XML: a header of KEY:VALUE lines, leaf elements without end tags, and in the wild raw `&`
 * and missing `</STMTTRN>`. `ofxToXml` turns 1.x (and 2.x, which passes through unchanged in
 * meaning) into well-formed XML, which fast-xml-parser then reads.
 */
import { XMLParser } from 'fast-xml-parser';
import { isCurrency } from '../../kit/money/currencies';
import { minorUnits } from './amount';
import { isoDay } from './dates';
import { FieldError, StatementUnreadable } from './errors';
import { cleanText } from './text';
import type { ParsedStatement, RowFailure, StatementRow } from './types';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The aggregates a statement is read through. In SGML an element with no text is either an
 * aggregate or an empty leaf (`<MEMO>` and nothing); it is an aggregate when it is one of these or
 * its end tag occurs somewhere in the file (aggregates have end tags, leaves need not).
 */
const AGGREGATES = new Set([
  'OFX',
  'SIGNONMSGSRSV1',
  'SONRS',
  'STATUS',
  'FI',
  'BANKMSGSRSV1',
  'STMTTRNRS',
  'STMTRS',
  'CREDITCARDMSGSRSV1',
  'CCSTMTTRNRS',
  'CCSTMTRS',
  'BANKACCTFROM',
  'BANKACCTTO',
  'CCACCTFROM',
  'CCACCTTO',
  'BANKTRANLIST',
  'STMTTRN',
  'PAYEE',
  'CURRENCY',
  'ORIGCURRENCY',
  'LEDGERBAL',
  'AVAILBAL',
  'BALLIST',
  'BAL',
]);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Well-formed XML of an OFX document, 1.x SGML or 2.x XML: everything before `<OFX>` (the header,
 * the XML and OFX processing instructions) is dropped; a start tag followed by text is a leaf and is
 * closed right after its text; an aggregate left open is closed when an enclosing one closes, or
 * when another of the same name opens (OFX aggregates never contain themselves). Text is decoded
 * and re-escaped, so `AT&T` and `AT&amp;T` both read as `AT&T`.
 */
export function ofxToXml(content: string): string {
  const start = content.search(/<OFX>/i);
  if (start < 0) throw new StatementUnreadable('file', 'is not an OFX file (no <OFX> element)');
  const body = content.slice(start).replace(/<!--[\s\S]*?-->/g, '');
  const closed = new Set([...body.matchAll(/<\/([A-Za-z][\w.]*)\s*>/g)].map((m) => (m[1] as string).toUpperCase()));
  const out: string[] = [];
  const open: string[] = [];
  const closeTo = (name: string) => {
    const at = open.lastIndexOf(name);
    if (at < 0) return;
    while (open.length > at) out.push(`</${open.pop()}>`);
  };
  const TAG = /<(\/?)([A-Za-z][\w.]*)\s*(\/?)>([^<]*)/g;
  let previousLeaf: string | undefined;
  for (const match of body.matchAll(TAG)) {
    const [, slash, rawName, selfClosing, text = ''] = match as unknown as [string, string, string, string, string];
    const name = rawName.toUpperCase();
    if (slash) {
      // The end tag of the leaf just written (2.x, or 1.x files that close their leaves) is already out.
      if (name !== previousLeaf) closeTo(name);
      previousLeaf = undefined;
      continue;
    }
    previousLeaf = undefined;
    const value = text.trim();
    if (selfClosing || (value === '' && !AGGREGATES.has(name) && !closed.has(name))) {
      out.push(`<${name}/>`);
    } else if (value !== '') {
      out.push(`<${name}>${escapeXml(decodeEntities(value))}</${name}>`);
      previousLeaf = name;
    } else {
      closeTo(name);
      open.push(name);
      out.push(`<${name}>`);
    }
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('');
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  // Everything stays a string: FITIDs like "0001" and amounts must not become numbers.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['STMTTRNRS', 'CCSTMTTRNRS', 'STMTTRN'].includes(name),
});

const child = (node: unknown, name: string): Node | undefined =>
  node !== null && typeof node === 'object' ? ((node as Node)[name] as Node | undefined) : undefined;
const text = (node: unknown, name: string): string | undefined => {
  const value = child(node, name);
  return typeof value === 'string' ? value : undefined;
};
const list = (node: unknown, name: string): unknown[] => (child(node, name) as unknown as unknown[]) ?? [];

/** `YYYYMMDD[HHMMSS[.XXX]][[-5:EST]]` → the day as written, whatever the time zone says. */
export function ofxDay(value: string | undefined, field: string): string {
  if (value === undefined) throw new FieldError(`${field} is missing`);
  const match = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d+)?)?)?)?(?:\[[^\]]*\])?$/.exec(value.trim());
  if (!match) throw new FieldError(`${field} '${value}' is not an OFX date`);
  try {
    return isoDay(Number(match[1]), Number(match[2]), Number(match[3]), value);
  } catch (error) {
    throw new FieldError(`${field} ${(error as Error).message}`);
  }
}

/** TRNAMT: a signed decimal with a point; some European banks write a decimal comma. */
function ofxAmount(value: string | undefined, currency: string): number {
  if (value === undefined) throw new FieldError('TRNAMT is missing');
  let written = value.trim().replace(/\s/g, '');
  if (written.includes(',') && !written.includes('.')) written = written.replace(',', '.');
  try {
    return minorUnits(written, currency);
  } catch (error) {
    throw new FieldError(`TRNAMT ${(error as Error).message}`);
  }
}

export function parseOfx(content: string, options: { currency: string }): ParsedStatement {
  const xml = ofxToXml(content);
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw new StatementUnreadable('file', `is not a readable OFX file: ${(error as Error).message}`);
  }
  const ofx = child(document, 'OFX');
  const statements = [
    ...list(child(ofx, 'BANKMSGSRSV1'), 'STMTTRNRS').map((rs) => child(rs, 'STMTRS')),
    ...list(child(ofx, 'CREDITCARDMSGSRSV1'), 'CCSTMTTRNRS').map((rs) => child(rs, 'CCSTMTRS')),
  ].filter((statement) => statement !== undefined);
  if (statements.length === 0) {
    throw new StatementUnreadable('file', 'holds no bank or credit-card statement (BANKMSGSRSV1, CREDITCARDMSGSRSV1)');
  }

  const rows: StatementRow[] = [];
  const failures: RowFailure[] = [];
  const skipped: RowFailure[] = [];
  let line = 0;
  for (const statement of statements) {
    const curdef = text(statement, 'CURDEF')?.toUpperCase();
    const fileCurrency = curdef && isCurrency(curdef) ? curdef : options.currency;
    for (const entry of list(child(statement, 'BANKTRANLIST'), 'STMTTRN')) {
      line += 1;
      const fitid = cleanText(text(entry, 'FITID'));
      const where = `entry ${line}${fitid ? ` (FITID ${fitid})` : ''}`;
      try {
        // A CURRENCY aggregate says this entry's amount is in another currency than CURDEF.
        const cursym = text(child(entry, 'CURRENCY'), 'CURSYM')?.toUpperCase();
        if (cursym !== undefined && !isCurrency(cursym)) throw new FieldError(`CURSYM '${cursym}' is not a currency`);
        const currency = cursym ?? fileCurrency;
        const date = ofxDay(text(entry, 'DTPOSTED') ?? text(entry, 'DTUSER'), 'DTPOSTED');
        const amount = ofxAmount(text(entry, 'TRNAMT'), currency);
        if (amount === 0) {
          skipped.push({ line, reason: `${where}: the amount is zero, nothing to record` });
          continue;
        }
        rows.push({
          line,
          date,
          amount,
          currency,
          payee: cleanText(text(entry, 'NAME') ?? text(child(entry, 'PAYEE'), 'NAME')),
          note: cleanText(text(entry, 'MEMO')),
          externalId: fitid,
        });
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        failures.push({ line, reason: `${where}: ${error.message}` });
      }
    }
  }
  return { rows, failures, skipped };
}
