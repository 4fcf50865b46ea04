/**
 * Chaos: the same seeded scenario of 500+ operations (accounts in four currencies, transactions
 * over three months with edits and deletes, transfers, budgets with 50/80/100 % thresholds, goals
 * fed by contributions, tagged incomes and a savings balance) runs twice, for two fresh users:
 * once with normal delivery, once with the bus delivering every event twice, out of order. After
 * each run the system settles; then every balance, every budget period's spent, every goal's
 * saved, the alert and milestone facts, the emails and the notification log must be identical
 * between the runs — and equal to what the scenario's own answers say they must be.
 */

import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import { computedInsights, reportedInsights } from './support/insights';
import { type LedgerUser, ledgerUser } from './support/ledger';
import {
  expectedOutcome,
  generateScenario,
  observedOutcome,
  runOperations,
  type Scenario,
  setUp,
} from './support/scenario';
import { CHAOS_OFF, CHAOS_ON, setChaos, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

// The scenario runs twice (calm, then every event delivered twice and out of order) through every
// consumer; on a loaded two-core machine that takes minutes. The limit only catches a hang.
jest.setTimeout(900_000);

afterAll(() => closeTable());

const SEED = 20260413;

type AuditEntry = { id: string; entity: string; entityId: string; operation: string; actor: string };

/** The user's whole audit trail, page after page. */
async function auditTrail(user: LedgerUser): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page = await api.get(`/v1/audit?${query.toString()}`, { token: user.token });
    expectStatus(page, 200);
    entries.push(...(page.json.items as AuditEntry[]));
    cursor = page.json.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

/**
 * What the trail says, independent of ids and of the order consumers ran in: the user's own
 * changes and the facts (alerts, milestones), each `entity:operation:actor`, sorted. The goal
 * tracker's intermediate `saved` values are left out: how many it writes depends on delivery order.
 */
function auditSummary(entries: AuditEntry[]): string[] {
  return entries
    .filter((entry) => entry.actor === 'user' || entry.operation === 'created')
    .map((entry) => `${entry.entity}:${entry.operation}:${entry.actor}`)
    .sort();
}
const CONCURRENCY = 10;

async function run(user: LedgerUser, scenario: Scenario, chaos: boolean) {
  const started = Date.now();
  await setChaos(chaos ? CHAOS_ON : CHAOS_OFF);
  try {
    const ids = await setUp(user, scenario);
    // Budgets and goals are in place (their events handled) before anything is spent.
    await settle();
    const record = await runOperations(user, scenario, ids, CONCURRENCY);
    const written = Date.now();
    const stats = await settle({ timeoutMs: 150_000 });
    const observed = await observedOutcome(user, scenario, ids);
    const today = new Date().toISOString().slice(0, 10);
    const from = (scenario.months[0] as { start: string }).start.slice(0, 7);
    const insights = {
      reported: await reportedInsights(user, from, today.slice(0, 7)),
      computed: await computedInsights(user, from, today.slice(0, 7), today),
    };
    const audit = await auditTrail(user);
    process.stdout.write(
      `${JSON.stringify({
        metric: 'chaos_run',
        chaos,
        requests: record.requests,
        writeMs: written - started,
        settleMs: Date.now() - written,
        bus: stats,
        alerts: observed.outcome.alerts.length,
        milestones: observed.outcome.milestones.length,
        mails: observed.mails.length,
      })}\n`,
    );
    return { observed, insights, audit, expected: expectedOutcome(scenario, record), requests: record.requests };
  } finally {
    await setChaos(CHAOS_OFF);
  }
}

describeWithMailbox('the same scenario with and without chaos', () => {
  const scenario = generateScenario(SEED, new Date().toISOString().slice(0, 10));
  let calm: Awaited<ReturnType<typeof run>>;
  let chaotic: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const [first, second] = [await ledgerUser(), await ledgerUser()];
    calm = await run(first, scenario, false);
    chaotic = await run(second, scenario, true);
  });

  test('the scenario is big and mixed enough to mean something', () => {
    expect(scenario.requestCount).toBeGreaterThanOrEqual(500);
    expect(calm.requests).toBe(scenario.requestCount - (scenario.accounts.length + 1 + 3 + 2));
    const kinds = new Set(scenario.operations.map((op) => op.op));
    expect([...kinds].sort()).toEqual(['contribution', 'transaction', 'transfer']);
    // At least one threshold crossed and one goal achieved, or the comparison of alerts is empty.
    expect(calm.expected.alerts.length).toBeGreaterThan(0);
    expect(calm.expected.milestones).toContain('trip#100');
  });

  test('normal delivery: exactly what the scenario says', () => {
    expect(calm.observed.outcome).toEqual(calm.expected);
  });

  test('chaos (every event twice, out of order): exactly what the scenario says', () => {
    expect(chaotic.observed.outcome).toEqual(chaotic.expected);
  });

  test('both runs are identical: balances, spent per period, saved, alerts, milestones', () => {
    expect(chaotic.observed.outcome).toEqual(calm.observed.outcome);
    expect(chaotic.expected).toEqual(calm.expected);
  });

  test('insights: equal to the totals of the listed transactions in both runs, and identical between them', () => {
    expect(calm.insights.reported).toEqual(calm.insights.computed);
    expect(chaotic.insights.reported).toEqual(chaotic.insights.computed);
    expect(chaotic.insights.reported).toEqual(calm.insights.reported);
  });

  test('both audit trails say the same, each change once, though chaos delivered every event twice', () => {
    expect(auditSummary(chaotic.audit)).toEqual(auditSummary(calm.audit));
    expect(new Set(chaotic.audit.map((entry) => entry.id)).size).toBe(chaotic.audit.length);
    // Every request that wrote is in it, and every fact, with its process as the actor.
    const facts = calm.observed.outcome.alerts.length + calm.observed.outcome.milestones.length;
    const byProcess = calm.audit.filter(
      (entry) => entry.entity.startsWith('budget_alert') || entry.entity.startsWith('goal_'),
    );
    expect(byProcess.filter((entry) => entry.operation === 'created' && entry.actor !== 'user')).toHaveLength(facts);
  });

  test('both runs sent the same emails, one per fact, and logged them all as sent', () => {
    expect(chaotic.observed.mails).toEqual(calm.observed.mails);
    const facts = calm.observed.outcome.alerts.length + calm.observed.outcome.milestones.length;
    expect(calm.observed.mails).toHaveLength(facts);
    expect(chaotic.observed.log).toEqual(calm.observed.log);
    expect(calm.observed.log.every((entry) => entry.endsWith(':sent'))).toBe(true);
  });
});
