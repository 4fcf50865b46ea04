/**
 * `npm run demo -- --email me@example.com [--password …] [--api <url>] [--months 12]`: fills an
 * account with a believable year (bin/support/demo-plan.ts) through the public API only, with the
 * typed client (clients/typescript), so every list, budget, goal and email has something to show.
 *
 * - On the local cloud (no `--api`: the API and outbox of `npm start`, from .moneta-local/outputs.json;
 *   or `--api` with `--outbox`): signs the user up and confirms them with the code from the outbox,
 *   or signs in when they exist.
 * - Against a deployed stack (`--api <ApiUrl>` alone): signs in with `--email`/`--password` of a
 *   confirmed user (codes are only readable locally).
 *
 * Re-running adds nothing: everything is looked up before it is created (accounts, the goal and
 * budgets by name, transactions by externalId, transfers and contributions by their note), and every
 * write carries an Idempotency-Key derived from what it records. The plan is anchored on the day the
 * demo first ran for the user (the Everyday account's creation), so a later run plans the same year.
 *
 * Emails: the run causes at most `emailBound(plan)` of them (welcome, budget thresholds, goal
 * milestones, unusual spending), below the notifier's hourly cap; when this hour's emails and that
 * bound together would pass the cap, the demo waits for the next hour before writing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import {
  createMonetaClient,
  idempotencyKey,
  isProblem,
  type MonetaClient,
  MonetaProblem,
  unwrap,
} from '../clients/typescript/src/index';
import {
  type AccountRef,
  type DemoPlan,
  demoPlan,
  emailBound,
  HOURLY_EMAIL_CAP,
  type PlannedTransaction,
} from './support/demo-plan';

const LOCAL_OUTPUTS = '.moneta-local/outputs.json';
const DEFAULT_PASSWORD = 'Demo-Moneta-2026!';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type DemoOptions = {
  api: string;
  /** The local cloud's outbox: with it, an unknown user is signed up and confirmed. */
  outbox?: string;
  email: string;
  password: string;
  months?: number;
  /** Progress and summary lines (default: stdout). */
  log?: (line: string) => void;
  progress?: boolean;
};

export type DemoSummary = {
  anchor: string;
  created: Record<'accounts' | 'goals' | 'transactions' | 'transfers' | 'contributions' | 'budgets', number>;
  existing: number;
  accounts: number;
  transactions: number;
  budgetsCrossed: string[];
  goalPercent: number;
  emailsSent: number;
};

/**
 * fetch that waits and retries on API Gateway's own throttle (429 without a problem body), and on a
 * 5xx (a function that timed out) when the request is safe to repeat: a read, or a write with an
 * Idempotency-Key, which the API replays or completes but never records twice.
 */
async function patientFetch(request: Request): Promise<Response> {
  const repeatable = request.method === 'GET' || request.headers.has('idempotency-key');
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(request.clone());
    const throttled = response.status === 429 && !/problem/.test(response.headers.get('content-type') ?? '');
    const failed = response.status >= 500 && repeatable && attempt <= 3;
    if ((!throttled || attempt >= 20) && !failed) return response;
    await sleep(Math.min(250 * attempt, 3_000));
  }
}

type Mail = { id: string; via: string; text?: string; html?: string };

async function mails(outbox: string, email: string): Promise<Mail[]> {
  const response = await fetch(`${outbox}/api/messages?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`The outbox at ${outbox} answered HTTP ${response.status}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

async function newCode(outbox: string, email: string, seen: Set<string>): Promise<string> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const mail = (await mails(outbox, email)).find((m) => m.via === 'cognito' && !seen.has(m.id));
    const code = mail && /\b(\d{6})\b/.exec(`${mail.text ?? ''} ${mail.html ?? ''}`)?.[1];
    if (code) return code;
    await sleep(200);
  }
  throw new Error(`No confirmation code for ${email} arrived in the outbox`);
}

/** Signs in; on the local cloud, signs up and confirms first when the user is new. */
async function signIn(moneta: MonetaClient, options: DemoOptions): Promise<'signed-up' | 'signed-in'> {
  try {
    await moneta.signIn(options.email, options.password);
    return 'signed-in';
  } catch (error) {
    if (!isProblem(error) || !options.outbox) throw error;
  }
  const outbox = options.outbox;
  const seen = new Set((await mails(outbox, options.email)).map((mail) => mail.id));
  const signUp = await moneta.POST('/v1/auth/signup', {
    body: {
      email: options.email,
      password: options.password,
      name: 'Demo',
      homeCurrency: 'EUR',
      timezone: 'Europe/Berlin',
    },
  });
  if (signUp.response.status === 409) {
    // Signed up before but never confirmed: ask for a new code.
    unwrap(await moneta.POST('/v1/auth/resend-code', { body: { email: options.email } }));
  } else {
    unwrap(signUp);
  }
  const code = await newCode(outbox, options.email, seen);
  unwrap(await moneta.POST('/v1/auth/confirm', { body: { email: options.email, code } }));
  await moneta.signIn(options.email, options.password);
  return 'signed-up';
}

type Page<T> = { items: T[]; nextCursor?: string | null };

/** Every item of a paged list. */
async function all<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const externalIdOf = (plan: DemoPlan, t: PlannedTransaction) => `demo:${plan.anchor}:${t.key}`;
const noteOf = (key: string) => `demo:${key}`;

/** Waits until the derived facts (budget counters, alerts, emails) stop moving, at most ~40 s. */
async function settle(read: () => Promise<string>): Promise<void> {
  let last = '';
  let stable = 0;
  for (let round = 0; round < 40 && stable < 3; round++) {
    const now = await read();
    stable = now === last ? stable + 1 : 0;
    last = now;
    await sleep(1_000);
  }
}

export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const moneta = createMonetaClient({ baseUrl: options.api, fetch: patientFetch });
  const how = await signIn(moneta, options);
  log(`${how === 'signed-up' ? 'Signed up and confirmed' : 'Signed in as'} ${options.email}`);

  const me = unwrap(await moneta.GET('/v1/me'));
  const accountList = () =>
    all((cursor) => moneta.GET('/v1/accounts', { params: { query: { limit: 100, cursor } } }).then(unwrap));
  const accounts = await accountList();
  const everyday = accounts.find((account) => account.name === 'Everyday');
  // The user's calendar day (budget periods follow it), of the first run: the Everyday account's creation.
  const dayIn = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: me.timezone }).format(instant);
  const plan = demoPlan({
    homeCurrency: me.homeCurrency,
    anchor: dayIn(everyday ? new Date(everyday.createdAt) : new Date()),
    months: options.months,
  });

  // What is already there.
  const first = plan.transactions[0]?.date ?? plan.anchor;
  const ledger = await all((cursor) =>
    moneta
      .GET('/v1/transactions', { params: { query: { from: first, to: plan.anchor, limit: 200, cursor } } })
      .then(unwrap),
  );
  const externalIds = new Set(ledger.map((t) => t.externalId));
  const transferNotes = new Set(ledger.filter((t) => t.kind === 'transfer').map((t) => t.note));
  const goals = await all((cursor) =>
    moneta.GET('/v1/goals', { params: { query: { limit: 100, cursor } } }).then(unwrap),
  );
  const budgets = await all((cursor) =>
    moneta.GET('/v1/budgets', { params: { query: { limit: 100, cursor } } }).then(unwrap),
  );
  let goal = goals.find((candidate) => candidate.name === plan.goal.name);
  const contributionNotes = new Set(
    goal
      ? (
          await all((cursor) =>
            moneta
              .GET('/v1/goals/{id}/contributions', {
                params: { path: { id: goal!.id }, query: { limit: 100, cursor } },
              })
              .then(unwrap),
          )
        ).map((c) => c.note)
      : [],
  );

  const missing = {
    accounts: plan.accounts.filter((a) => !accounts.some((existing) => existing.name === a.name)),
    goal: goal ? [] : [plan.goal],
    transactions: plan.transactions.filter((t) => !externalIds.has(externalIdOf(plan, t))),
    transfers: plan.transfers.filter((t) => !transferNotes.has(noteOf(t.key))),
    contributions: plan.contributions.filter((c) => !contributionNotes.has(noteOf(c.key))),
    budgets: plan.budgets.filter((b) => !budgets.some((existing) => existing.name === b.name)),
  };
  const writes = Object.values(missing).reduce((sum, list) => sum + list.length, 0);
  const total =
    plan.accounts.length +
    1 +
    plan.transactions.length +
    plan.transfers.length +
    plan.contributions.length +
    plan.budgets.length;

  if (writes > 0) await waitForEmailRoom(moneta, emailBound(plan), log);

  const bar = new SingleBar(
    { format: 'Recording a year {bar} {value}/{total} {what}', hideCursor: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  if (options.progress !== false) bar.start(writes, 0, { what: '' });
  else log(`Recording ${writes} entries (${total - writes} already there)…`);
  const step = (what: string) => bar.increment(1, { what });

  try {
    const ids = new Map<AccountRef, string>();
    for (const account of plan.accounts) {
      const found = accounts.find((existing) => existing.name === account.name);
      if (found) {
        ids.set(account.ref, found.id);
        continue;
      }
      const created = unwrap(
        await moneta.POST('/v1/accounts', {
          params: { header: idempotencyKey(`demo-account-${account.ref}`) },
          body: { name: account.name, kind: account.kind, currency: account.currency },
        }),
      );
      ids.set(account.ref, created.id);
      step(account.name);
    }
    const accountId = (ref: AccountRef) => ids.get(ref)!;

    if (!goal) {
      goal = unwrap(
        await moneta.POST('/v1/goals', {
          params: { header: idempotencyKey(`demo-${plan.anchor}-${plan.goal.key}`) },
          body: {
            name: plan.goal.name,
            target: plan.goal.target,
            deadline: plan.goal.deadline,
            funding: { kind: 'contributions' },
          },
        }),
      );
      step(plan.goal.name);
    }

    for (const t of missing.transactions) {
      const result = await moneta.POST('/v1/transactions', {
        params: { header: idempotencyKey(`demo-${plan.anchor}-${t.key}`) },
        body: {
          kind: t.kind,
          accountId: accountId(t.account),
          money: t.money,
          categoryId: t.categoryId,
          payee: t.payee,
          date: t.date,
          status: 'cleared',
          externalId: externalIdOf(plan, t),
        },
      });
      // Recorded meanwhile (another run): the externalId is already claimed.
      if (result.response.status !== 409 || result.error?.type !== 'urn:moneta:problem:duplicate-external-id') {
        unwrap(result);
      }
      step(`${t.date} ${t.payee}`);
    }

    for (const t of missing.transfers) {
      unwrap(
        await moneta.POST('/v1/transfers', {
          params: { header: idempotencyKey(`demo-${plan.anchor}-${t.key}`) },
          body: {
            fromAccountId: accountId(t.from),
            toAccountId: accountId(t.to),
            money: t.money,
            date: t.date,
            status: 'cleared',
            note: noteOf(t.key),
          },
        }),
      );
      step(`${t.date} transfer to savings`);
    }

    for (const c of missing.contributions) {
      unwrap(
        await moneta.POST('/v1/goals/{id}/contributions', {
          params: { path: { id: goal.id }, header: idempotencyKey(`demo-${plan.anchor}-${c.key}`) },
          body: { money: c.money, date: c.date, note: noteOf(c.key) },
        }),
      );
      step(`${c.date} ${plan.goal.name}`);
    }

    // Budgets last: a new budget counts the year from its startDate but alerts only about the
    // current period, so the email count stays small.
    for (const b of missing.budgets) {
      unwrap(
        await moneta.POST('/v1/budgets', {
          params: { header: idempotencyKey(`demo-${plan.anchor}-budget-${b.key}`) },
          body: {
            name: b.name,
            categoryIds: b.categoryIds,
            limit: b.limit,
            thresholds: b.thresholds,
            startDate: b.startDate,
          },
        }),
      );
      step(`budget ${b.name}`);
    }
  } finally {
    if (options.progress !== false) bar.stop();
  }

  // The derived facts (budget counters and alerts, milestones, emails) follow from events.
  const planned = plan.budgets.map((b) => b.name);
  const read = async () => {
    const list = await all((cursor) =>
      moneta.GET('/v1/budgets', { params: { query: { limit: 100, cursor } } }).then(unwrap),
    );
    const details = await Promise.all(
      list
        .filter((b) => planned.includes(b.name))
        .map((b) => moneta.GET('/v1/budgets/{id}', { params: { path: { id: b.id } } }).then(unwrap)),
    );
    const notifications = await all((cursor) =>
      moneta.GET('/v1/notifications', { params: { query: { limit: 100, cursor } } }).then(unwrap),
    );
    const current = unwrap(await moneta.GET('/v1/goals/{id}', { params: { path: { id: goal!.id } } }));
    return { details, notifications, goal: current };
  };
  let facts = await read();
  if (writes > 0) {
    await settle(async () => {
      facts = await read();
      return JSON.stringify([
        facts.details.map((b) => b.current.spent),
        facts.notifications.map((n) => n.status),
        facts.goal.saved,
      ]);
    });
  }
  const created = {
    accounts: missing.accounts.length,
    goals: missing.goal.length,
    transactions: missing.transactions.length,
    transfers: missing.transfers.length,
    contributions: missing.contributions.length,
    budgets: missing.budgets.length,
  };
  const summary: DemoSummary = {
    anchor: plan.anchor,
    created,
    existing: total - writes,
    accounts: (await accountList()).length,
    transactions: (
      await all((cursor) => moneta.GET('/v1/transactions', { params: { query: { limit: 200, cursor } } }).then(unwrap))
    ).length,
    budgetsCrossed: facts.details
      .filter((b) => b.thresholds.some((t) => b.current.percent >= t))
      .map((b) => `${b.name} ${b.current.percent} %`),
    goalPercent: facts.goal.percent,
    emailsSent: facts.notifications.filter((n) => n.status === 'sent').length,
  };
  log(
    [
      `Demo year ${plan.transactions[0]?.date ?? plan.anchor} → ${plan.anchor} in ${plan.currencies.join(', ')}:`,
      `  created ${Object.entries(created)
        .map(([what, n]) => `${n} ${what}`)
        .join(', ')}; ${summary.existing} already there`,
      `  accounts: ${summary.accounts}, transactions: ${summary.transactions}`,
      `  budgets over a threshold this period: ${summary.budgetsCrossed.join(', ') || 'none'}`,
      `  goal "${plan.goal.name}": ${summary.goalPercent} % saved`,
      `  emails sent: ${summary.emailsSent}`,
    ].join('\n'),
  );
  return summary;
}

/** Waits for the next UTC hour when this hour's emails plus what the run may send would pass the cap. */
async function waitForEmailRoom(moneta: MonetaClient, bound: number, log: (line: string) => void): Promise<void> {
  const hour = new Date().toISOString().slice(0, 13);
  const notifications = await all((cursor) =>
    moneta.GET('/v1/notifications', { params: { query: { limit: 100, cursor } } }).then(unwrap),
  );
  const thisHour = notifications.filter((n) => n.createdAt.startsWith(hour) && n.status === 'sent').length;
  if (thisHour + bound <= HOURLY_EMAIL_CAP) return;
  const next = Date.parse(`${hour}:00:00.000Z`) + 3_600_000;
  log(`${thisHour} emails sent this hour: waiting until ${new Date(next).toISOString()} (cap ${HOURLY_EMAIL_CAP}/h)`);
  await sleep(next - Date.now() + 1_000);
}

function localOutputs(): { ApiUrl?: string; OutboxUrl?: string } {
  if (!existsSync(LOCAL_OUTPUTS)) return {};
  const file = JSON.parse(readFileSync(LOCAL_OUTPUTS, 'utf8')) as Record<string, { ApiUrl?: string }>;
  return Object.values(file)[0] ?? {};
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      api: { type: 'string' },
      outbox: { type: 'string' },
      months: { type: 'string' },
    },
  });
  if (!values.email) {
    console.error('Usage: npm run demo -- --email me@example.com [--password …] [--api <url>] [--months 12]');
    process.exit(2);
  }
  const local = localOutputs();
  const api = (values.api ?? local.ApiUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  // Without --api, the local cloud: its outbox lets the demo confirm a new user.
  const outbox = (values.outbox ?? (values.api ? undefined : (local.OutboxUrl ?? 'http://127.0.0.1:4014')))?.replace(
    /\/+$/,
    '',
  );
  if (!outbox && !values.password) {
    console.error('Against a deployed stack, give --password of a confirmed user (codes are only readable locally).');
    process.exit(2);
  }
  const password = values.password ?? DEFAULT_PASSWORD;
  await runDemo({
    api,
    outbox,
    email: values.email,
    password,
    months: values.months ? Number(values.months) : undefined,
    progress: process.stdout.isTTY === true,
  });
  if (!values.password) console.log(`Password: ${password}`);
}

if (process.argv[1] && /demo\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof MonetaProblem ? `${error.message}\n${JSON.stringify(error.problem)}` : error);
    process.exit(1);
  });
}
