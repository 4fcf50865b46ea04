/** Regenerates docs/events.md: `npx tsx lib/docs/write-events-catalogue.ts`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EVENTS_CATALOGUE_PATH, renderEventsCatalogue } from './events-catalogue';

const target = fileURLToPath(new URL(`../../${EVENTS_CATALOGUE_PATH}`, import.meta.url));
writeFileSync(target, renderEventsCatalogue());
console.log(`Wrote ${EVENTS_CATALOGUE_PATH}`);
