/**
 * Renders `src/schema.d.ts` (the client's types) from the API contract, docs/openapi.json, with
 * openapi-typescript. `generate.ts` writes it; a unit test renders it in memory and fails when the
 * committed file is not what the contract gives.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

// `__dirname` under Jest (CommonJS), `import.meta.url` under tsx (ESM).
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

export const CONTRACT_FILE = join(here, '../../../docs/openapi.json');
export const SCHEMA_FILE = join(here, '../src/schema.d.ts');

const HEADER = `/**
 * The Moneta API's types, generated from docs/openapi.json by openapi-typescript.
 * Do not edit: run \`npm run client:generate\` at the repository root.
 */

`;

/** The text of `src/schema.d.ts` for an OpenAPI document. */
export async function renderSchema(contract: OpenAPI3): Promise<string> {
  return HEADER + astToString(await openapiTS(contract));
}

export function readContract(): OpenAPI3 {
  return JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as OpenAPI3;
}
