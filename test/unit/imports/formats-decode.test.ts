import { csvPresets, decodeStatement, parseStatement } from '../../../shared/imports/formats';
import { fixture } from './formats-support';

const euSemicolon = { currency: 'EUR', mapping: csvPresets['eu-semicolon'] };

test('a UTF-8 file with its BOM reads as the same rows as its text', () => {
  const text = fixture('eu-semicolon.csv');
  const bytes = new TextEncoder().encode(text);
  expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  expect(parseStatement('csv', decodeStatement(bytes), euSemicolon)).toEqual(parseStatement('csv', text, euSemicolon));
});

test('a Windows-1252 export keeps its umlauts and euro signs', () => {
  // "Date;Payee;Amount\n01.11.2026;Bäckerei Müller;€ -4,80" as a German bank writes it in Windows-1252.
  const latin = [
    ...'Date;Payee;Description;Amount;Currency;Reference\n01.11.2026;B\u00e4ckerei M\u00fcller;x;\u20ac -4,80;EUR;r1\n',
  ];
  const bytes = new Uint8Array(latin.map((c) => (c === '\u20ac' ? 0x80 : (c.codePointAt(0) as number))));
  const parsed = parseStatement('csv', decodeStatement(bytes), euSemicolon);
  expect(parsed.rows[0]).toMatchObject({ payee: 'Bäckerei Müller', amount: -480 });
});

test('a UTF-16 file with its byte order mark is decoded', () => {
  const text = '\ufeffDate;Amount\n';
  const le = new Uint8Array([0xff, 0xfe, ...[...text.slice(1)].flatMap((c) => [c.charCodeAt(0), 0])]);
  expect(decodeStatement(le)).toBe('Date;Amount\n');
});
