/**
 * `npm run bench -- --only cost`: what a transaction costs on AWS, counted on the local cloud.
 *
 * The local cloud runs in this process with a usage meter (lib/local/contracts.ts) and with the
 * functions' DynamoDB endpoint pointed at a counting proxy (./cost-dynamodb.ts). Each operation of
 * a fixed mix is recorded alone, from its request until every asynchronous consumer is done, then
 * priced with ./cost-prices.ts. The idle monthly cost comes from the synthesized templates
 * (./cost-template.ts) and a measured run of each scheduled function. docs/cost.md explains it.
 *
 *   BENCH_COST_RUNS=3   recordings per operation, averaged (default 3)
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { API_AUTHORIZER } from '../../lib/catalog/functions';
import { startLocalCloud } from '../../lib/local/cloud';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, portsFrom } from '../../lib/local/ports';
import { createBudget, createGoal } from '../e2e/support/alerts';
import { api } from '../e2e/support/api-client';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser } from '../e2e/support/ledger';
import { OUTPUTS_FILE_VARIABLE } from '../e2e/support/outputs';
import { startDynamoDbMeter } from './cost-dynamodb';
import {
  average,
  COLD_SHARE,
  type CostRow,
  costRows,
  createRecorder,
  difference,
  type Quantities,
  type RecordedWindow,
  type Recorder,
  weighted,
} from './cost-meter';
import { GB, PRICE_REGION, prices } from './cost-prices';
import { hoursPerMonth, readStack, type ScheduleShape, type StackShape } from './cost-template';

const RUNS = Math.max(1, Number(process.env.BENCH_COST_RUNS ?? 3));
/** Quiet time that counts as "settled": longer than the stream poller's 100 ms and a consumer run. */
const QUIET_MS = 600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * API Gateway keeps the authorizer's answer 5 s per Authorization header value. Each recorded
 * request sends a value the cache has not seen (the same token after one more space), so each
 * invokes the authorizer: the cost of a client that makes at most one request every 5 s (an app
 * recording an expense). A client making n requests within 5 s pays 1/n of the authorizer per request.
 */
let authorizations = 0;
const uncachedAuthorization = (token: string) => ({
  authorization: `Bearer${' '.repeat(++authorizations)}${token}`,
});

/** The account-security pieces, priced apart: what each adds to a transaction. */
const PIECES = [
  {
    id: 'authorizer',
    label: 'authorizer (JWT check + session-state GetItem; invoked once per request)',
    of: { functions: [API_AUTHORIZER] },
  },
  { id: 'limiter', label: "request limiter (the route's write of its LIMIT item)", of: { limiter: true } },
  { id: 'change-feed', label: 'change-feed writer (consumer)', of: { functions: ['change-feed-writer'] } },
  {
    id: 'webhooks',
    label: 'webhook dispatcher (consumer; a user without webhooks)',
    of: { functions: ['webhook-dispatcher'] },
  },
] as const;

/**
 * The functions a recorded request runs before any consumer: the authorizer, the route (its ledger
 * write and the limiter's) and the stream publisher that turns the write into its event. Whatever
 * else a transaction costs is a consumer's (the breakdown "Where the plain expense's cost goes").
 */
const REQUEST_PATH: readonly string[] = [API_AUTHORIZER, 'transactions-create', 'stream-publisher'];

/**
 * Deploy settings that are off by default and bill something at rest when on: the idle figure
 * leaves them out and prints what each adds.
 */
const OPTIONAL_FEATURES = [
  {
    id: 'stripe',
    setting: '`-c stripe=on`',
    context: { stripe: 'on' },
    what: 'the Stripe keys secret in Secrets Manager',
  },
] as const;

const DISPATCHER_PIECE = 'webhooks';
const DISPATCHER = PIECES.find((piece) => piece.id === DISPATCHER_PIECE)!.of;

type Operation = {
  id: string;
  label: string;
  /** Share of the mix. */
  weight: number;
  /** Prepares what the recorded request needs (not recorded). */
  prepare(): Promise<() => Promise<unknown>>;
};

/** A user as the plain expense assumes: a checking account, one budget on the category, one goal not funded by it. */
async function plainUser(categoryId: string, limit = 10_000_000) {
  const user = await ledgerUser();
  const account = await createAccount(user, { name: 'Checking', kind: 'checking', currency: 'EUR' });
  await createBudget(user, { name: 'Food', limit: eur(limit), categoryIds: [categoryId], thresholds: [80, 100] });
  await createGoal(user, { name: 'Trip', target: eur(500_000), funding: { kind: 'contributions' } });
  return { user, account };
}

const expense = (
  user: LedgerUser,
  accountId: string,
  money: { amount: number; currency: string },
  headers?: Record<string, string>,
) =>
  api
    .post(
      '/v1/transactions',
      { kind: 'expense', accountId, money, categoryId: 'groceries' },
      { headers: { ...uncachedAuthorization(user.token), ...headers } },
    )
    .then((result) => expectOk(result, 201, 'expense'));

function operations(): Operation[] {
  let plain: Promise<Awaited<ReturnType<typeof plainUser>>> | undefined;
  const plainOnce = () => {
    plain ??= plainUser('groceries');
    return plain;
  };
  /** A plain expense recorded beforehand (not measured), for the edit and delete cases. */
  const plainTransaction = async () => {
    const { user, account } = await plainOnce();
    const created = await createTransaction(user, {
      accountId: account.id,
      money: eur(1_250),
      categoryId: 'groceries',
    });
    return { user, created };
  };
  return [
    {
      id: 'plain',
      label: 'plain expense',
      weight: 45,
      async prepare() {
        const { user, account } = await plainOnce();
        return () => expense(user, account.id, eur(1_250));
      },
    },
    {
      id: 'keyed',
      label: 'expense with Idempotency-Key',
      weight: 20,
      async prepare() {
        const { user, account } = await plainOnce();
        return () => expense(user, account.id, eur(1_250), { 'idempotency-key': ulid() });
      },
    },
    {
      id: 'foreign',
      label: 'expense in USD (a conversion: one CurrencyConverted)',
      weight: 5,
      async prepare() {
        const { user, account } = await plainOnce();
        return () => expense(user, account.id, { amount: 1_500, currency: 'USD' });
      },
    },
    {
      id: 'goal-funded',
      label: 'expense from a goal-funding account',
      weight: 10,
      async prepare() {
        const user = await ledgerUser();
        const account = await createAccount(user, { name: 'Savings', kind: 'checking', currency: 'EUR' });
        await createBudget(user, {
          name: 'Food',
          limit: eur(10_000_000),
          categoryIds: ['groceries'],
          thresholds: [80],
        });
        await createGoal(user, {
          name: 'Car',
          target: eur(500_000),
          funding: { kind: 'account', accountId: account.id },
        });
        return () => expense(user, account.id, eur(1_250));
      },
    },
    {
      id: 'crossing',
      label: 'expense crossing a budget threshold (alert email)',
      weight: 5,
      async prepare() {
        // A fresh user each time: a threshold is crossed once per period.
        const { user, account } = await plainUser('groceries', 1_000);
        return () => expense(user, account.id, eur(900));
      },
    },
    {
      id: 'edit',
      label: 'edit (PATCH amount and note)',
      weight: 10,
      async prepare() {
        const { user, created } = await plainTransaction();
        return async () =>
          expectOk(
            await api.patch(
              `/v1/transactions/${created.id}`,
              { money: eur(1_400), note: 'edited' },
              { headers: uncachedAuthorization(user.token) },
            ),
            200,
            'edit',
          );
      },
    },
    {
      id: 'delete',
      label: 'delete',
      weight: 5,
      async prepare() {
        const { user, created } = await plainTransaction();
        return async () =>
          expectOk(
            await api.delete(`/v1/transactions/${created.id}`, { headers: uncachedAuthorization(user.token) }),
            204,
            'delete',
          );
      },
    },
  ];
}

/** The events a webhook in the delivery case subscribes to: the transaction events. */
const TRANSACTION_EVENTS = ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted'];

/**
 * A webhook receiver on loopback (the local cloud admits plain http loopback targets: its
 * `webhooks.allowLocalHttp` setting, as in test/e2e/webhooks.test.ts). It answers 204 and counts
 * each request's bytes as they arrive (request line, headers, body): what AWS bills as data
 * transfer out when the dispatcher posts to a receiver on the internet.
 */
async function startReceiver() {
  const received: { webhookId: string; bytes: number }[] = [];
  const server = createServer((request, response) => {
    let bytes = Buffer.byteLength(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n\r\n`);
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      bytes += Buffer.byteLength(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}\r\n`);
    }
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      received.push({ webhookId: String(request.headers['webhook-id']), bytes });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    /** Requests received so far. */
    received: () => [...received],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Not in the mix: the plain expense again, by a user like the plain one (same account, budget and
 * goal) who also has one webhook subscribed to the transaction events, so each expense is one
 * delivery. Priced against the plain expense: what one delivery adds.
 */
function webhookDeliveryCase(receiverUrl: string): Operation {
  let hooked: Promise<Awaited<ReturnType<typeof plainUser>>> | undefined;
  return {
    id: 'webhook',
    label: 'plain expense by a user with one webhook on the transaction events (not in the mix)',
    weight: 0,
    async prepare() {
      hooked ??= plainUser('groceries').then(async (prepared) => {
        expectOk(
          await api.post(
            '/v1/webhooks',
            { url: receiverUrl, events: TRANSACTION_EVENTS, description: 'cost bench' },
            { token: prepared.user.token },
          ),
          201,
          'webhook',
        );
        return prepared;
      });
      const { user, account } = await hooked;
      return () => expense(user, account.id, eur(1_250));
    },
  };
}

/** Waits until nothing has been recorded for QUIET_MS and the cloud reports idle. */
async function settled(recorder: Recorder, whenIdle: () => Promise<void>): Promise<void> {
  for (;;) {
    await whenIdle();
    const before = recorder.activity();
    await sleep(QUIET_MS);
    await whenIdle();
    if (recorder.activity() === before) return;
  }
}

/** Records `work` alone: the window it and everything it causes fill. A sweep of the schedule in it: again. */
async function record(recorder: Recorder, whenIdle: () => Promise<void>, work: () => Promise<unknown>) {
  for (let attempt = 0; ; attempt++) {
    await settled(recorder, whenIdle);
    recorder.take();
    await work();
    await settled(recorder, whenIdle);
    const window = recorder.take();
    const disturbed = window.invocations.some((usage) => usage.functionId === 'consumer-retrier');
    if (!disturbed || attempt >= 2) return window;
  }
}

const usd = (value: number) => (value === 0 ? '0' : value < 0.01 ? value.toExponential(3) : value.toFixed(4));
const amount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

function printTable(title: string, rows: CostRow[]): number {
  console.log(`\n${title}\n`);
  const total = rows.reduce((sum, row) => sum + row.usd, 0);
  console.table(
    Object.fromEntries([
      ...rows.map((row) => [
        row.item,
        { 'per transaction': `${amount(row.quantity)} ${row.unit}`, '$ per 1 M transactions': usd(row.usd * 1e6) },
      ]),
      ['TOTAL', { 'per transaction': '', '$ per 1 M transactions': usd(total * 1e6) }],
      [
        'TOTAL without SES',
        {
          'per transaction': '',
          '$ per 1 M transactions': usd((total - rows.find((r) => r.item === 'SES emails')!.usd) * 1e6),
        },
      ],
    ]),
  );
  return total;
}

function printInvocations(shape: StackShape, columns: { label: string; q: Quantities }[]) {
  const ids = [...new Set(columns.flatMap((c) => Object.keys(c.q.invocationsByFunction)))].sort();
  console.log(
    '\nLambda invocations per transaction by function (memory), then · the DynamoDB units it spent (RRU/WRU incl. indexes):\n',
  );
  console.table(
    Object.fromEntries(
      ids.map((id) => [
        `${id} (${shape.functions[id]?.memoryMb} MB)`,
        Object.fromEntries(
          columns.map((c) => {
            const db = c.q.dynamodbByFunction[id];
            const invocations = c.q.invocationsByFunction[id] ?? 0;
            return [c.label, `${amount(invocations)}${db ? ` · ${amount(db.read)}/${amount(db.write)}` : ''}`];
          }),
        ),
      ]),
    ),
  );
}

const totalUsd = (q: Quantities) => costRows(q).reduce((sum, row) => sum + row.usd, 0);

type PieceRow = {
  id: string;
  label: string;
  plain: Quantities;
  /** Absent for a case outside the mix. */
  mix?: Quantities;
  /** Requests the functions sent out of AWS (a webhook's POST), billed as data transfer out. */
  outbound?: { requests: number; bytes: number };
};

const outboundUsd = (row: PieceRow) => ((row.outbound?.bytes ?? 0) / GB) * prices.dataTransfer.outToInternetPerGb;
const pieceUsd = (row: PieceRow) => totalUsd(row.plain) + outboundUsd(row);

/** The columns every breakdown shows first: what was invoked, for how long, and the units spent. */
const usageColumns = (q: Quantities) => ({
  invocations: amount(q.lambdaRequests),
  'GB-s': q.lambdaGbSeconds.toFixed(4),
  RRU: amount(q.readUnits),
  WRU: amount(q.writeUnits + q.indexWriteUnits),
});

/**
 * The plain expense by function: the request path (REQUEST_PATH, with the HTTP API request, the
 * event and its archive, the access log: everything no consumer spends) and each consumer it woke.
 * The request path is the least a transaction can cost with its ledger write as it is, whatever the
 * consumers do; docs/cost.md reads the figures.
 */
function printWhereItGoes(plain: {
  whole: Quantities;
  byFunction: Map<string, Quantities>;
  writesByFunction: Record<string, Record<string, number>>;
}) {
  const consumers = [...plain.byFunction.keys()].filter((id) => !REQUEST_PATH.includes(id)).sort();
  const request = consumers.reduce((rest, id) => difference(rest, plain.byFunction.get(id)!), plain.whole);
  const writes = (ids: readonly string[]) =>
    ids
      .flatMap((id) =>
        Object.entries(plain.writesByFunction[id] ?? {}).map(([type, units]) => `${type} ${amount(units)}`),
      )
      .join(', ');
  const rows = [
    {
      id: 'request',
      label: 'the request and its event (API, authorizer, route, limiter, publisher, event)',
      q: request,
      writes: writes([...REQUEST_PATH, 'limiter']),
    },
    ...consumers.map((id) => ({ id, label: id, q: plain.byFunction.get(id)!, writes: writes([id]) })),
  ];
  console.log(
    "\n## Where the plain expense's cost goes (by function; the request path is what any transaction costs before a consumer)\n",
  );
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        row.label,
        {
          ...usageColumns(row.q),
          'WRU by item (table + indexes)': row.writes,
          '$ / 1 M': usd(totalUsd(row.q) * 1e6),
        },
      ]),
    ),
  );
  for (const row of rows) {
    console.log(`cost.part.${row.id}_plain_per_million_usd=${(totalUsd(row.q) * 1e6).toFixed(2)}`);
  }
}

/** What each account-security piece (and one webhook delivery) adds to a transaction: its counts, and their price. */
function printPieces(rows: PieceRow[]) {
  console.log(
    '\n## What the account-security pieces add per transaction (their share of the figures above)\n' +
      '\nEvery recorded request invokes the authorizer (a client making at most one request every 5 s, the cache' +
      "\nlifetime). The limiter's latency is billed in the route function's duration and is not told apart here." +
      '\nThe webhook delivery row is what a plain expense by a user with one webhook adds to one by a user' +
      '\nwithout (whose dispatcher invocation is the row above it); it is not in the mix.\n',
  );
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        row.label,
        {
          ...usageColumns(row.plain),
          'log bytes': Math.round(row.plain.functionLogBytes + row.plain.platformLogBytes),
          'SQS requests': amount(row.plain.sqsRequests),
          'outbound requests · bytes': row.outbound
            ? `${amount(row.outbound.requests)} · ${Math.round(row.outbound.bytes)}`
            : '0',
          'plain $ / 1 M': usd(pieceUsd(row) * 1e6),
          'mix $ / 1 M': row.mix ? usd(totalUsd(row.mix) * 1e6) : '(not in the mix)',
        },
      ]),
    ),
  );
  for (const row of rows) {
    console.log(`cost.piece.${row.id}_plain_per_million_usd=${(pieceUsd(row) * 1e6).toFixed(2)}`);
  }
}

/** Hours in the 30-day month the idle figures use. */
const MONTH_HOURS = 720;

type IdleItem = { item: string; usd: number; note: string };

/** Everything billed with no transaction at all, per month. */
function idleItems(shape: StackShape, scheduled: Map<string, Quantities>): IdleItem[] {
  const items: IdleItem[] = [];
  const alarmMetrics = shape.alarms.reduce((sum, alarm) => sum + alarm.metrics, 0);
  const highRes = shape.alarms.filter((alarm) => alarm.highResolution).reduce((sum, alarm) => sum + alarm.metrics, 0);
  items.push({
    item: 'CloudWatch alarms',
    usd:
      (alarmMetrics - highRes) * prices.cloudWatch.alarmMetricMonth +
      highRes * prices.cloudWatch.alarmMetricMonthHighResolution,
    note: `${shape.alarms.length} alarms, ${alarmMetrics} metrics (metric math billed per metric)`,
  });
  // A scheduled target runs on an idle system too: what one run costs (measured), times its runs,
  // plus the custom metrics a run emits, each billed for the hours of the month in which it appears.
  const scheduledItem = (schedule: ScheduleShape, label: string, invocationUsd: number, what: string) => {
    const q = schedule.target ? scheduled.get(schedule.target) : undefined;
    const invocations = invocationUsd * schedule.perMonth;
    if (!q) {
      items.push({ item: label, usd: invocations, note: `${what}; no Lambda target measured` });
      return;
    }
    const perRun = costRows(q).reduce((sum, row) => sum + row.usd, 0);
    const hours = hoursPerMonth(schedule.expression);
    const metricsUsd = (q.customMetrics.length * prices.cloudWatch.customMetricMonth * hours) / MONTH_HOURS;
    items.push({
      item: label,
      usd: invocations + perRun * schedule.perMonth + metricsUsd,
      note:
        `${Math.round(schedule.perMonth).toLocaleString('en')} runs × (${amount(q.lambdaRequests)} invocation, ` +
        `${q.lambdaGbSeconds.toFixed(4)} GB-s, ${Math.round(q.functionLogBytes + q.platformLogBytes)} log bytes, ` +
        `${q.sqsRequests} SQS requests, ${amount(q.readUnits)} RRU, ${amount(q.writeUnits + q.indexWriteUnits)} WRU); ` +
        `${q.customMetrics.length} custom metrics on ${Math.round(hours)} h; ${what}`,
    });
  };
  for (const schedule of shape.schedules) {
    scheduledItem(schedule, `${schedule.target ?? 'rule'} on ${schedule.expression}`, 0, 'the rule itself is free');
  }
  for (const schedule of shape.schedulerSchedules) {
    scheduledItem(
      schedule,
      `${schedule.target ?? 'Scheduler'} on Scheduler ${schedule.expression}`,
      prices.scheduler.invocationPerMillion / 1e6,
      'Scheduler invocations billed',
    );
  }
  // Lambda's SQS pollers long-poll an empty queue: about 5 pollers × 3 receives a minute.
  const pollerRequests = shape.sqsPollers.length * 5 * 3 * 60 * 24 * 30;
  items.push({
    item: 'SQS event source pollers',
    usd: (pollerRequests * prices.sqs.requestPerMillion) / 1e6,
    note: `${shape.sqsPollers.length} mappings on SQS (none: the retrier works its queue on its schedule)`,
  });
  items.push({
    item: 'KMS keys',
    usd: shape.kmsKeys * 1,
    note: `${shape.kmsKeys} customer-managed keys ($1/month each)`,
  });
  items.push({
    item: 'Secrets Manager secrets',
    usd: shape.secrets * prices.secretsManager.secretMonth,
    note: `${shape.secrets} secrets ($${prices.secretsManager.secretMonth}/month each): the Stripe keys, with stripe=on`,
  });
  const { standard, advanced } = shape.secureParameters;
  items.push({
    item: 'Parameter Store SecureStrings',
    usd: standard * prices.ssm.standardParameterMonth + advanced * prices.ssm.advancedParameterMonth,
    note:
      `${standard} standard (free), ${advanced} advanced ($${prices.ssm.advancedParameterMonth}/month each): ` +
      'the webhook key ring, on the AWS-managed key (no key fee); created by a deploy-time function (no idle charge)',
  });
  items.push({
    item: 'Event archive storage',
    usd: 0,
    note: `${shape.archives.map((a) => `${a.retentionDays} days`).join(', ')}: only what transactions put in it (counted per transaction)`,
  });
  items.push({
    item: 'DynamoDB storage and PITR',
    usd: 0,
    note: `$${prices.dynamodb.storageGbMonth}/GB-month beyond 25 GB free${shape.pointInTimeRecovery ? `, PITR on: $${prices.dynamodb.pitrGbMonth}/GB-month` : ''}: ~0 for an empty table`,
  });
  return items;
}

export async function measureCost(): Promise<void> {
  console.log(`Prices: ${PRICE_REGION} on-demand (test/bench/cost-prices.ts). Synthesizing the stack…`);
  const shape = readStack();
  /** Each deploy setting that is off by default and bills something when on, as deployed with it on. */
  const optional = OPTIONAL_FEATURES.map((feature) => ({ ...feature, shape: readStack(feature.context) }));
  const architectures = [...new Set(Object.values(shape.functions).map((fn) => fn.architecture))].join(', ');
  const traced = Object.values(shape.functions).filter((fn) => fn.tracing).length;
  console.log(
    `${Object.keys(shape.functions).length} functions (${architectures}; ${traced} with active tracing), ` +
      `${shape.alarms.length} alarms, ${shape.schedules.length} schedules`,
  );

  const recorder = createRecorder(shape);
  const workDir = mkdtempSync(join(tmpdir(), 'moneta-bench-cost-'));
  let cloud: Awaited<ReturnType<typeof startLocalCloud>> | undefined;
  let proxy: Awaited<ReturnType<typeof startDynamoDbMeter>> | undefined;
  for (let attempt = 0; !cloud; attempt++) {
    const basePort = 20_000 + Math.floor(Math.random() * 30_000);
    try {
      proxy = await startDynamoDbMeter({
        upstream: `http://127.0.0.1:${portsFrom(basePort).dynamodb}`,
        onUsage: (usage) => recorder.onDynamoDb(usage),
      });
      const meterUrl = proxy.url;
      cloud = await startLocalCloud({
        basePort,
        stateDir: workDir,
        inMemory: true,
        timeScale: 1,
        outputsFile: join(workDir, 'outputs.json'),
        meter: {
          ...recorder.meter,
          functionEnvironment: (functionId) => ({ AWS_ENDPOINT_URL_DYNAMODB: `${meterUrl}/${functionId}` }),
        },
      });
    } catch (error) {
      await proxy?.stop();
      if (attempt >= 3) throw error;
    }
  }
  const stop = async () => {
    await cloud?.stop();
    await proxy?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  process.env[OUTPUTS_FILE_VARIABLE] = cloud.outputsFile;
  const whenIdle = () => cloud!.whenIdle();

  try {
    /**
     * Records an operation RUNS times after a first run, not counted, that starts the functions it
     * needs (their init is measured then): its quantities, each piece's share of them, and the
     * write units the webhook dispatcher spent by item type.
     */
    const measureOperation = async (op: Operation) => {
      await (await op.prepare())();
      const windows: Quantities[] = [];
      const pieceWindows = new Map<string, Quantities[]>(PIECES.map((piece) => [piece.id, []]));
      const dispatcherWrites: Record<string, number> = {};
      const recorded: RecordedWindow[] = [];
      /** Write units by function, then by item type (table and indexes), averaged over the runs. */
      const writesByFunction: Record<string, Record<string, number>> = {};
      for (let run = 0; run < RUNS; run++) {
        const request = await op.prepare();
        const window = await record(recorder, whenIdle, request);
        recorded.push(window);
        windows.push(recorder.quantities(window));
        for (const usage of window.dynamodb) {
          const key = usage.limiter ? 'limiter' : usage.functionId;
          const target = writesByFunction[key] ?? {};
          writesByFunction[key] = target;
          for (const [type, units] of Object.entries(usage.writeUnitsByType ?? {})) {
            target[type] = (target[type] ?? 0) + units / RUNS;
          }
        }
        for (const piece of PIECES) {
          pieceWindows.get(piece.id)!.push(recorder.quantities(recorder.part(window, piece.of)));
        }
        for (const usage of recorder.part(window, DISPATCHER).dynamodb) {
          for (const [type, units] of Object.entries(usage.writeUnitsByType ?? {})) {
            dispatcherWrites[type] = (dispatcherWrites[type] ?? 0) + units / RUNS;
          }
        }
      }
      // Every function any run invoked, each with its share of every run (none in a run that did not invoke it).
      const functionIds = [
        ...new Set(recorded.flatMap((window) => window.invocations.map((usage) => usage.functionId))),
      ];
      const byFunction = new Map(
        functionIds.map((id) => [
          id,
          average(recorded.map((window) => recorder.quantities(recorder.part(window, { functions: [id] })))),
        ]),
      );
      return {
        whole: average(windows),
        pieces: new Map(PIECES.map((piece) => [piece.id, average(pieceWindows.get(piece.id)!)])),
        dispatcherWrites,
        byFunction,
        writesByFunction,
      };
    };

    const ops = operations();
    const measured = new Map<string, Quantities>();
    /** Per piece (PIECES), per operation: its share of the operation's quantities. */
    const pieces = new Map<string, Map<string, Quantities>>(PIECES.map((piece) => [piece.id, new Map()]));
    let plainResult: Awaited<ReturnType<typeof measureOperation>> | undefined;
    for (const op of ops) {
      const result = await measureOperation(op);
      if (op.id === 'plain') plainResult = result;
      measured.set(op.id, result.whole);
      for (const piece of PIECES) pieces.get(piece.id)!.set(op.id, result.pieces.get(piece.id)!);
    }

    // One webhook delivery, outside the mix: the plain expense by a user with one webhook.
    const receiver = await startReceiver();
    const hooked = await measureOperation(webhookDeliveryCase(receiver.url)).finally(() => receiver.stop());
    const deliveries = receiver.received();
    if (deliveries.length !== RUNS + 1 || new Set(deliveries.map((d) => d.webhookId)).size !== deliveries.length) {
      throw new Error(
        `The webhook receiver got ${deliveries.length} requests; expected ${RUNS + 1} distinct deliveries`,
      );
    }
    const recordedDeliveries = deliveries.slice(1);
    const dispatcherOf = (result: NonNullable<typeof plainResult>) => result.pieces.get(DISPATCHER_PIECE)!;
    // The delivery is done in the dispatcher's invocation, which every event has already: what it
    // adds is the dispatcher's extra work, plus any SQS request the window made (a retry would).
    const delivery = difference(dispatcherOf(hooked), dispatcherOf(plainResult!));
    delivery.sqsRequests = hooked.whole.sqsRequests - plainResult!.whole.sqsRequests;
    /** Everything but the dispatcher: a delivery should leave it as the plain expense had it. */
    const elsewhere = difference(
      difference(hooked.whole, dispatcherOf(hooked)),
      difference(plainResult!.whole, dispatcherOf(plainResult!)),
    );

    // The scheduled functions on an idle system, invoked as their rule does.
    const scheduled = new Map<string, Quantities>();
    for (const schedule of [...shape.schedules, ...shape.schedulerSchedules]) {
      if (!schedule.target) continue;
      const ruleEvent = {
        version: '0',
        id: ulid(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: LOCAL_ACCOUNT_ID,
        time: `${new Date().toISOString().slice(0, 19)}Z`,
        region: LOCAL_REGION,
        resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/${schedule.id}`],
        detail: {},
      };
      const invoke = () =>
        fetch(`${cloud!.outputs.LambdaEndpoint}/2015-03-31/functions/${schedule.target}/invocations`, {
          method: 'POST',
          // Scheduler puts the run's instant where its input names the scheduled-time attribute.
          body:
            schedule.input?.replaceAll('<aws.scheduler.scheduled-time>', ruleEvent.time) ?? JSON.stringify(ruleEvent),
        }).then((response) => response.text());
      await invoke();
      const windows: Quantities[] = [];
      for (let run = 0; run < RUNS; run++) windows.push(recorder.quantities(await record(recorder, whenIdle, invoke)));
      scheduled.set(schedule.target, average(windows));
    }

    const plain = measured.get('plain')!;
    const mix = weighted(ops.map((op) => ({ quantities: measured.get(op.id)!, weight: op.weight })));
    console.log(
      `\nEach operation recorded ${RUNS}× on the local cloud from its request until every consumer is done, averaged.` +
        `\nLambda init billed at ${COLD_SHARE * 100} % of invocations with the init measured here; DynamoDB units from item sizes.`,
    );
    console.log('\nThe mix (share of transactions):');
    for (const op of ops) console.log(`  ${String(op.weight).padStart(3)} %  ${op.label}`);

    const plainTotal = printTable(
      '## The plain expense (one EUR expense, one budget, one goal not funded by its account)',
      costRows(plain),
    );
    printTable('## The mix', costRows(mix));
    printWhereItGoes(plainResult!);
    printInvocations(shape, [
      ...ops.map((op) => ({ label: op.id, q: measured.get(op.id)! })),
      { label: 'mix', q: mix },
    ]);

    console.log('\nEvents put on the bus per transaction, by detail-type:');
    for (const op of ops) {
      const byType = Object.entries(measured.get(op.id)!.eventsByType)
        .map(([type, count]) => `${type} ${amount(count)}`)
        .join(', ');
      console.log(`  ${op.id.padEnd(12)} ${byType}`);
    }

    const deliveryRow: PieceRow = {
      id: 'webhook-delivery',
      label: 'webhook delivery (one webhook on the transaction events; in the dispatcher invocation above)',
      plain: delivery,
      outbound: {
        requests: recordedDeliveries.length / RUNS,
        bytes: recordedDeliveries.reduce((sum, d) => sum + d.bytes, 0) / RUNS,
      },
    };
    printPieces([
      ...PIECES.map((piece) => {
        const byOp = pieces.get(piece.id)!;
        return {
          id: piece.id,
          label: piece.label,
          plain: byOp.get('plain')!,
          mix: weighted(ops.map((op) => ({ quantities: byOp.get(op.id)!, weight: op.weight }))),
        };
      }),
      deliveryRow,
    ]);
    const writesByType = Object.entries(hooked.dispatcherWrites)
      .map(([type, units]) => `${type} ${amount(units - (plainResult!.dispatcherWrites[type] ?? 0))}`)
      .join(', ');
    console.log(
      `\nOne webhook delivery (${RUNS} recorded, each received once by the bench's loopback receiver): ` +
        `+${amount(delivery.lambdaRequests)} invocations (the dispatcher delivers in the invocation every event ` +
        `already has: no delivery queue or function), +${delivery.lambdaGbSeconds.toFixed(4)} GB-s of its duration ` +
        `(wall time, noisy), +${amount(delivery.readUnits)} RRU, WRU by item: ${writesByType || 'none'}, ` +
        `+${amount(delivery.sqsRequests)} SQS requests, ${amount(deliveryRow.outbound!.requests)} outbound POST of ` +
        `${Math.round(deliveryRow.outbound!.bytes)} bytes ($${(outboundUsd(deliveryRow) * 1e6).toFixed(3)} per million as data transfer out).`,
    );
    const moved = (
      ['lambdaRequests', 'apiRequests', 'eventChunks', 'readUnits', 'writeUnits', 'indexWriteUnits', 'emails'] as const
    ).filter((key) => Math.abs(elsewhere[key]) > 1e-9);
    console.log(
      moved.length === 0
        ? 'Outside the dispatcher, the expense with a webhook counted the same as the plain one.'
        : `Outside the dispatcher, the expense with a webhook counted differently: ${moved
            .map((key) => `${key} ${elsewhere[key] > 0 ? '+' : ''}${amount(elsewhere[key])}`)
            .join(', ')}.`,
    );

    const metrics = new Set(ops.flatMap((op) => measured.get(op.id)!.customMetrics));
    console.log(
      `\nCustom metrics (embedded metric format) the transactions emitted: ${metrics.size} distinct; each costs ` +
        `$${prices.cloudWatch.customMetricMonth}/month prorated by the hours it is emitted in (not per transaction).`,
    );

    const idle = idleItems(shape, scheduled);
    const idleTotal = idle.reduce((sum, item) => sum + item.usd, 0);
    console.log('\n## Idle monthly cost (no transactions)\n');
    console.table(
      Object.fromEntries(idle.map((item) => [item.item, { 'USD / month': usd(item.usd), what: item.note }])),
    );
    console.log(`Idle total: $${idleTotal.toFixed(2)} a month.`);
    for (const feature of optional) {
      const added = idleItems(feature.shape, scheduled).reduce((sum, item) => sum + item.usd, 0) - idleTotal;
      console.log(`Off by default, ${feature.setting} adds $${added.toFixed(2)} a month idle (${feature.what}).`);
      console.log(`cost.idle_optional.${feature.id}_monthly_usd=${added.toFixed(2)}`);
    }
    const plainWithoutSes = plainTotal - costRows(plain).find((row) => row.item === 'SES emails')!.usd;
    console.log(
      `\nLog bytes per plain expense: functions ${Math.round(plain.functionLogBytes)}, Lambda platform ${Math.round(plain.platformLogBytes)}, API access log ${Math.round(plain.accessLogBytes)} (${(((plain.functionLogBytes + plain.platformLogBytes + plain.accessLogBytes) / GB) * 1e6).toFixed(3)} GB per million)`,
    );
    console.log(`cost.per_million_excl_ses_usd=${(plainWithoutSes * 1e6).toFixed(2)}`);
    console.log(`cost.idle_monthly_usd=${idleTotal.toFixed(2)}`);
  } finally {
    await stop();
  }
}
