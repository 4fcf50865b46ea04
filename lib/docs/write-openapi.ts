/** Regenerates docs/openapi.json from the route table and the contract: `npx tsx lib/docs/write-openapi.ts`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_PATH, renderOpenApiDocument } from '../../shared/app/openapi';

const target = fileURLToPath(new URL(`../../${OPENAPI_PATH}`, import.meta.url));
writeFileSync(target, renderOpenApiDocument());
console.log(`Wrote ${OPENAPI_PATH}`);
