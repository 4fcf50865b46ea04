import '../support/info-logs';
import { acceptedDetailTypes, handler } from '../../../functions/events/audit-logger';
import { rules } from '../../../lib/catalog/rules';
import { domainItems } from '../../../shared/app/events';
import { eventBridgeEvent, lambdaContext, userDeleted, userSignedUp } from '../support/eventbridge-event';
import { logLines } from '../support/log-output';

const audit = (event: ReturnType<typeof eventBridgeEvent>) => handler(event, lambdaContext('audit-logger'));

test('the audit logger hears every event the stream publisher can publish', () => {
  const rule = rules.find((candidate) => candidate.target === 'audit-logger');
  const published = Object.values(domainItems).flatMap((mapping) =>
    (['INSERT', 'MODIFY', 'REMOVE'] as const).flatMap((change) => {
      const name = (mapping as Partial<Record<typeof change, string>>)[change];
      return name ? [name] : [];
    }),
  );
  // Derived from a transaction's write, not an item of its own (shared/transactions/events.ts),
  // and from an export job turning ready (shared/exports/events.ts).
  published.push('CurrencyConverted', 'ExportReady');
  expect([...(rule?.detailTypes ?? [])].sort()).toEqual([...new Set(published)].sort());
  expect([...acceptedDetailTypes].sort()).toEqual([...new Set(published)].sort());
});

test('one audit line per event, with ids and times and no personal data', async () => {
  const detail = userSignedUp({ userId: 'user-7', email: 'grace@example.com', name: 'Grace Hopper' }, 'stream-77');

  const lines = await logLines(() => audit(eventBridgeEvent('UserSignedUp', detail)));

  const auditLines = lines.filter((line) => line.audit === true);
  expect(auditLines).toHaveLength(1);
  expect(auditLines[0]).toMatchObject({
    audit: true,
    detailType: 'UserSignedUp',
    userId: 'user-7',
    id: 'user-7',
    version: 1,
    sourceEventId: 'stream-77',
    occurredAt: detail.occurredAt,
  });
  const everything = JSON.stringify(lines);
  expect(everything).not.toContain('grace@example.com');
  expect(everything).not.toContain('Grace Hopper');
  expect(auditLines[0]).not.toHaveProperty('data');
  expect(auditLines[0]).not.toHaveProperty('previous');
});

test('a deletion is audited without the deleted profile', async () => {
  const lines = await logLines(() =>
    audit(eventBridgeEvent('UserDeleted', userDeleted({ userId: 'user-8', email: 'gone@example.com' }))),
  );

  expect(lines.filter((line) => line.audit === true).map((line) => line.detailType)).toEqual(['UserDeleted']);
  expect(JSON.stringify(lines)).not.toContain('gone@example.com');
});

test('an invalid event is refused (so it lands in the DLQ) and its values are not logged', async () => {
  const detail = userSignedUp({ email: 'leak@example.com' });
  const broken = eventBridgeEvent('UserSignedUp', { ...detail, version: -1 });

  let failure: unknown;
  const lines = await logLines(() => audit(broken).catch((error) => (failure = error)));

  expect(String(failure)).toContain('invalid at: version');
  expect(lines).toEqual([expect.objectContaining({ level: 'ERROR', detailType: 'UserSignedUp' })]);
  expect(JSON.stringify(lines)).not.toContain('leak@example.com');
});

test('an event from another source is refused', async () => {
  let failure: unknown;
  await logLines(() =>
    audit(eventBridgeEvent('UserSignedUp', userSignedUp(), { source: 'someone.else' })).catch(
      (error) => (failure = error),
    ),
  );

  expect(String(failure)).toContain('does not come from Moneta');
});
