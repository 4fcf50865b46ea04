/**
 * Two promises of docs/data-model.md kept true by reading the source: no function or shared module
 * ever scans the table (every read is a GetItem or a Query on a partition built from the caller),
 * and every route of the route table has its access pattern documented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { routes } from '../../../lib/catalog/routes';

const root = join(__dirname, '../../..');

/** A Scan in any form the SDKs offer: the command, its paginator, its input type, or by name. */
const SCAN_USE = /\b(?:ScanCommand|paginateScan|ScanCommandInput|ScanInput)\b|(?:\.scan\s*\()|['"`]Scan['"`]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

test('the scan detector recognises every form of a Scan and leaves prose alone', () => {
  for (const code of [
    "import { ScanCommand } from '@aws-sdk/lib-dynamodb';",
    'await db.send(new ScanCommand({ TableName }));',
    'for await (const page of paginateScan({ client }, input)) {}',
    'const input: ScanCommandInput = { TableName };',
    "await client.scan({ TableName: 'x' });",
    "const action = 'Scan';",
  ]) {
    expect({ code, flagged: SCAN_USE.test(code) }).toEqual({ code, flagged: true });
  }
  expect(SCAN_USE.test('// A Query on the user partition, never a Scan.')).toBe(false);
  expect(SCAN_USE.test('const scanned = items.length;')).toBe(false);
});

test('no file under functions/ or shared/ scans the table', () => {
  const files = [...sourceFiles(join(root, 'functions')), ...sourceFiles(join(root, 'shared'))];
  expect(files.length).toBeGreaterThan(20);
  const offenders = files
    .filter((file) => SCAN_USE.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  expect(offenders).toEqual([]);
});

test('docs/data-model.md documents the access pattern of every route in the route table', () => {
  const doc = readFileSync(join(root, 'docs/data-model.md'), 'utf8');
  const missing = routes.map((route) => `${route.method} ${route.path}`).filter((key) => !doc.includes(`\`${key}\``));
  expect(missing).toEqual([]);
});
