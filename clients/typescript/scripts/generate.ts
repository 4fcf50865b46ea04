/**
 * Writes `src/schema.d.ts` from docs/openapi.json: `npm run client:generate` at the repository root.
 * With `--stdout` it prints the text instead (the unit test compares it with the committed file).
 */
import { writeFileSync } from 'node:fs';
import { readContract, renderSchema, SCHEMA_FILE } from './schema';

const schema = await renderSchema(readContract());
if (process.argv.includes('--stdout')) {
  process.stdout.write(schema);
} else {
  writeFileSync(SCHEMA_FILE, schema);
  console.log('Wrote clients/typescript/src/schema.d.ts');
}
