/**
 * The change feed covers every entity type that has routes: this walks the OpenAPI document and
 * places every path in exactly one list: covered by the feed (as which entity type), left out with
 * a reason (jobs, the audit trail, logs, derived figures, reference data, credentials). A new path
 * that is in no list fails here, and so does a covered type the feed does not know.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coveredEntities } from '../../../shared/changes/catalogue';

const document = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, unknown>;
};

type Place = { covered: keyof typeof coveredEntities } | { excluded: string };

/** First match wins: the most specific prefixes first. */
const places: [RegExp, Place][] = [
  [/^\/v1\/auth\//, { excluded: 'sessions and credentials, not data' }],
  [/^\/v1\/me\/(email|mfa)/, { excluded: 'credentials; a confirmed email change is a profile update' }],
  [/^\/v1\/me$/, { covered: 'profile' }],
  [/^\/v1\/accounts\/\{id\}\/reconcile$/, { covered: 'transaction' }],
  [/^\/v1\/accounts/, { covered: 'account' }],
  [/^\/v1\/categories/, { covered: 'category' }],
  [/^\/v1\/(transactions|transfers)/, { covered: 'transaction' }],
  [/^\/v1\/budgets\/\{id\}\/periods$/, { excluded: 'figures derived from transactions' }],
  [/^\/v1\/budgets/, { covered: 'budget' }],
  [/^\/v1\/goals\/\{id\}\/contributions$/, { covered: 'goalContribution' }],
  [/^\/v1\/goals/, { covered: 'goal' }],
  [/^\/v1\/invoices\/\{id\}\/payments$/, { covered: 'payment' }],
  [/^\/v1\/invoices/, { covered: 'invoice' }],
  [/^\/v1\/payments/, { covered: 'payment' }],
  [/^\/v1\/insights\//, { excluded: 'reports derived from transactions' }],
  [/^\/v1\/(exports|imports)/, { excluded: 'jobs' }],
  [/^\/v1\/rules\/\{id\}\/apply/, { excluded: 'jobs' }],
  [/^\/v1\/rules\/suggestions$/, { excluded: 'proposals derived from transactions' }],
  [/^\/v1\/rules\/suggestions\/dismissals$/, { excluded: 'hides a proposal; no route reads it back' }],
  [/^\/v1\/rules\/order$/, { excluded: 'the order: an entry leaves a rule’s position out (docs/changes.md)' }],
  [/^\/v1\/rules/, { covered: 'rule' }],
  [/^\/v1\/payees\/\{id\}\/jobs\//, { excluded: 'jobs' }],
  [/^\/v1\/payees\/\{id\}\/payment-methods/, { covered: 'paymentMethod' }],
  [/^\/v1\/payees/, { covered: 'payee' }],
  [/^\/v1\/audit$/, { excluded: 'the audit trail: itself a log of changes' }],
  [/^\/v1\/notifications$/, { excluded: 'a log of emails sent' }],
  [/^\/v1\/(currencies|rates)$/, { excluded: 'reference data, not the user’s' }],
  [/^\/v1\/(health|openapi\.json)$/, { excluded: 'the service, not data' }],
  [/^\/v1\/docs(\/\{asset\})?$/, { excluded: 'the API reference page, not data' }],
  [/^\/v1\/tokens(\/\{id\})?$/, { excluded: 'credentials: a token is shown once and never synced to devices' }],
  [/^\/v1\/webhooks\/stripe$/, { excluded: 'Stripe’s inbound notifications' }],
  [/^\/v1\/webhooks\/\{id\}\/deliveries/, { excluded: 'a delivery log' }],
  [/^\/v1\/webhooks\/\{id\}\/ping$/, { excluded: 'sends a test delivery; changes nothing' }],
  [/^\/v1\/webhooks/, { covered: 'webhook' }],
  [/^\/v1\/attachments/, { covered: 'attachment' }],
  [/^\/v1\/captures/, { covered: 'capture' }],
  [/^\/v1\/changes$/, { excluded: 'the feed itself' }],
];

const placeOf = (path: string) => places.find(([pattern]) => pattern.test(path))?.[1];
const paths = Object.keys(document.paths);

test('every path of the OpenAPI document is covered by the feed or left out with a reason', () => {
  expect(paths.filter((path) => placeOf(path) === undefined)).toEqual([]);
});

test('the entity types the paths name are exactly the ones the feed covers', () => {
  const named = new Set(
    paths.flatMap((path) => {
      const place = placeOf(path);
      return place && 'covered' in place ? [place.covered] : [];
    }),
  );
  expect([...named].sort()).toEqual(Object.keys(coveredEntities).sort());
});
