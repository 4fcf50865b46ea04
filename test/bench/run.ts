/**
 * `npm run bench`: prints Moneta's performance figures. Benchmarks measure, they do not assert:
 * the figures go into closing notes and the README, and regressions are read, not guessed.
 */
import { measureColdStarts } from './function-cold-start';

console.log(`Node ${process.version}, ${process.arch}; medians of ${process.env.BENCH_RUNS ?? 7} fresh processes`);
console.log('\n## Functions: bundle size and cold init (import) time\n');
const rows = await measureColdStarts();
console.table(rows);
const total = rows.reduce((sum, row) => sum + row.bundleKiB, 0);
console.log(`${rows.length} functions, ${Math.round(total)} KiB of bundles in total`);
