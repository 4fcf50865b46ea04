/**
 * `npm run bench`: prints Moneta's performance figures. Benchmarks measure, they do not assert:
 * the figures go into closing notes and the README, and regressions are read, not guessed.
 *
 *   npm run bench                       every section
 *   npm run bench -- --only ledger      one section (cold-start | ledger | alerts | insights | cost | parse | statements | imports | limits | authorizer)
 *   BENCH_IMPORT_ROWS=2000 npm run bench -- --only imports   a smaller statement (default 20,000 rows)
 *   BENCH_RUNS=3 npm run bench -- --only cold-start   fewer fresh processes per function (default 7)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureAlerts } from './alerts';
import { measureAuthorizer } from './authorizer';
import { measureCost } from './cost';
import { coldStartTable, measureColdStarts } from './function-cold-start';
import { measureImports } from './imports';
import { measureInsights } from './insights';
import { measureLedger } from './ledger';
import { measureLimits } from './limits';
import { measureParse } from './parse';
import { measureStatements } from './statements';

const sections = [
  'cold-start',
  'ledger',
  'alerts',
  'insights',
  'cost',
  'parse',
  'statements',
  'imports',
  'limits',
  'authorizer',
] as const;
const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
if (values.only !== undefined && !(sections as readonly string[]).includes(values.only)) {
  console.error(`--only must be one of ${sections.join(', ')}; got ${values.only}`);
  process.exit(2);
}
const runs = (section: (typeof sections)[number]) => values.only === undefined || values.only === section;

if (runs('cold-start')) {
  console.log(`Node ${process.version}, ${process.arch}; medians of ${process.env.BENCH_RUNS ?? 7} fresh processes`);
  console.log('\n## Functions: bundle size and cold init (import CPU time), against the bare SDK clients\n');
  const rows = await measureColdStarts();
  console.log(coldStartTable(rows));
  const total = rows.reduce((sum, row) => sum + row.bundleKiB, 0);
  console.log(`${rows.length} functions, ${Math.round(total)} KiB of bundles in total`);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(rows, null, 2)}\n`);
}

if (runs('ledger')) {
  console.log('\n## Ledger: creating a transaction, listing a month of 10,000 (local cloud)\n');
  await measureLedger();
}

if (runs('alerts')) {
  console.log('\n## Budget alerts: write-to-email latency, evaluator capacity per transaction (local cloud)\n');
  await measureAlerts();
}

if (runs('insights')) {
  console.log(
    '\n## Insights: report reads and aggregator capacity for a user with 50,000 transactions (local cloud)\n',
  );
  await measureInsights();
}

if (runs('imports')) {
  console.log('\n## Statement imports: rows per second of a generated CSV, upload to completed (local cloud)\n');
  await measureImports();
}

if (runs('limits')) {
  console.log('\n## Request limits: one user at full speed beside another, and what the limiter adds (local cloud)\n');
  await measureLimits();
}

if (runs('authorizer')) {
  console.log(
    "\n## Authorizer: what it adds to a request, cached and not, and one instance's capacity (local cloud)\n",
  );
  await measureAuthorizer();
}

if (runs('cost')) {
  console.log('\n## Cost: what AWS bills per transaction and per idle month (local cloud, counted)\n');
  await measureCost();
}

if (runs('parse')) {
  console.log('\n## Bank-message parser: field accuracy on the holdout messages, time per message (offline)\n');
  measureParse();
}

if (runs('statements')) {
  console.log('\n## Statement files: parsing throughput (no cloud)\n');
  measureStatements();
}
