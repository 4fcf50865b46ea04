/**
 * The layout's rules, checked on every import of the runtime code (shared/ and functions/) and of
 * lib/:
 *
 * - a kit (shared/kit/*) never imports a feature or the composition layer (shared/app);
 * - runtime code never imports lib/ (infrastructure and the local cloud);
 * - a feature reaches another feature only through that feature's public module
 *   (shared/<feature>/public.ts), never its internals;
 * - no two folders import each other.
 *
 * A failure names the offending import, so the fix is obvious from the test output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

type Import = { from: string; to: string };

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => ({
    from: relative(root, file),
    to: relative(root, resolve(dirname(file), match[1] as string)).replace(/\.ts$/, ''),
  }));
}

const imports = ['shared', 'functions', 'lib'].flatMap((dir) => sourceFiles(join(root, dir))).flatMap(importsOf);
const show = (found: Import[]) => found.map((i) => `${i.from} imports ${i.to}`);

/** `shared/budgets/store` → `budgets`; undefined for kits, the composition layer and non-shared code. */
function featureOf(path: string): string | undefined {
  const [top, name] = path.split('/');
  if (top !== 'shared' || name === undefined || name === 'kit' || name === 'app' || !path.includes('/', 7)) {
    return undefined;
  }
  return name;
}

test('kits never import features or the composition layer', () => {
  const offending = imports.filter(
    (i) => i.from.startsWith('shared/kit/') && i.to.startsWith('shared/') && !i.to.startsWith('shared/kit/'),
  );
  expect(show(offending)).toEqual([]);
});

test('runtime code never imports lib/', () => {
  const offending = imports.filter((i) => !i.from.startsWith('lib/') && i.to.startsWith('lib/'));
  expect(show(offending)).toEqual([]);
});

test("features reach each other only through a feature's public module", () => {
  const offending = imports.filter((i) => {
    const from = featureOf(i.from);
    const to = featureOf(i.to);
    return from !== undefined && to !== undefined && from !== to && i.to !== `shared/${to}/public`;
  });
  expect(show(offending)).toEqual([]);
});

test('no two folders import each other', () => {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    const a = dirname(i.from);
    const b = dirname(i.to);
    if (a === b) continue;
    edges.set(a, (edges.get(a) ?? new Set()).add(b));
  }
  const cycles: string[] = [];
  for (const [a, targets] of edges) {
    for (const b of targets) if (a < b && edges.get(b)?.has(a)) cycles.push(`${a} <-> ${b}`);
  }
  expect(cycles).toEqual([]);
});

test("Swagger UI's files are bundled into the reference asset function only", () => {
  const importers = ['shared', 'functions', 'lib']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => /from\s*['"]swagger-ui-dist/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  expect(importers).toEqual(['functions/api/docs/asset.ts']);
});
