import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_CATALOGUE_PATH, REGENERATE_COMMAND, renderEventsCatalogue } from '../../../lib/docs/events-catalogue';
import { eventNames } from '../../../shared/app/events';

const committed = () => readFileSync(join(__dirname, '../../..', EVENTS_CATALOGUE_PATH), 'utf8');

test(`${EVENTS_CATALOGUE_PATH} is up to date with the event catalog and the rules`, () => {
  const fresh = renderEventsCatalogue();
  if (committed() !== fresh) {
    throw new Error(`${EVENTS_CATALOGUE_PATH} is stale. Regenerate it with: ${REGENERATE_COMMAND}`);
  }
});

test('the catalogue names every event with its producer, consumers and detail fields', () => {
  const text = renderEventsCatalogue();
  for (const name of eventNames) expect(text).toContain(`## ${name}`);
  const signedUp = text.slice(text.indexOf('## UserSignedUp'), text.indexOf('## UserUpdated'));
  expect(signedUp).toContain('on `INSERT` of a `PROFILE` item');
  expect(signedUp).toContain('`notifier`');
  expect(signedUp).toContain('`audit-logger`');
  expect(signedUp).toMatch(/\| `data\.email` +\| string \(email\) +\| yes +\|/);
  expect(signedUp).not.toContain('`previous');
  const deleted = text.slice(text.indexOf('## UserDeleted'));
  expect(deleted).toContain('`user-data-eraser`');
  expect(deleted).toMatch(/\| `previous\.userId` +\| string +\| yes +\|/);
});
