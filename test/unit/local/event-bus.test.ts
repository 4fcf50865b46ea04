import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { eventPattern, rules } from '../../../lib/catalog/rules';
import { type BusEvent, startEventBus } from '../../../lib/local/event-bus';
import { handlerFailure, recordingInvoker } from './support-l1/recording-invoker';

const busRules = rules.map((rule) => ({ id: rule.id, pattern: eventPattern(rule), target: rule.target }));

const entry = (
  detailType: string,
  detail: Record<string, unknown> = { sourceEventId: 'e-1' },
): PutEventsRequestEntry => ({
  EventBusName: 'moneta',
  Source: 'moneta',
  DetailType: detailType,
  Detail: JSON.stringify(detail),
});

type Bus = Awaited<ReturnType<typeof startEventBus>>;

function clientFor(bus: Bus) {
  return new EventBridgeClient({
    endpoint: bus.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function stats(bus: Bus) {
  return (await (await fetch(`${bus.url}/api/stats`)).json()) as Record<string, number>;
}

describe('local EventBridge bus', () => {
  let dir: string;
  let bus: Bus | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bus-test-'));
  });
  afterEach(async () => {
    await bus?.stop();
    bus = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it("accepts the SDK's PutEvents and delivers an EventBridge envelope to every matching rule's target", async () => {
    const invoker = recordingInvoker();
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: busRules, invoker });

    const answer = await clientFor(bus).send(
      new PutEventsCommand({ Entries: [entry('UserSignedUp', { sourceEventId: 's-1', userId: 'u-1' })] }),
    );
    expect(answer.FailedEntryCount).toBe(0);
    const eventId = answer.Entries?.[0]?.EventId;
    expect(eventId).toEqual(expect.any(String));

    await bus.whenIdle();
    // UserSignedUp: the notifier (notify rule), the audit logger (audit rule) and the change feed (the profile is a synced entity), not the eraser.
    expect(invoker.calls.map((c) => c.functionId).sort()).toEqual(['audit-logger', 'change-feed-writer', 'notifier']);
    const delivered = invoker.calls[0]!.event as BusEvent;
    expect(delivered).toEqual({
      version: '0',
      id: eventId,
      'detail-type': 'UserSignedUp',
      source: 'moneta',
      account: '000000000000',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: 'eu-west-1',
      resources: [],
      detail: { sourceEventId: 's-1', userId: 'u-1' },
    });
    expect(await stats(bus)).toEqual({ published: 1, delivered: 3, failed: 0, deadLettered: 0, pending: 0 });
  });

  it('does not wait for targets: PutEvents answers while a consumer is still running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const invoker = recordingInvoker(() => gate);
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: busRules, invoker });

    await clientFor(bus).send(new PutEventsCommand({ Entries: [entry('UserDeleted')] }));
    expect((await stats(bus)).pending).toBe(2);
    release();
    await bus.whenIdle();
    expect(invoker.calls.map((c) => c.functionId).sort()).toEqual(['audit-logger', 'user-data-eraser']);
  });

  it('reports bad entries one by one and still publishes the good ones', async () => {
    const invoker = recordingInvoker();
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: busRules, invoker });

    const answer = await clientFor(bus).send(
      new PutEventsCommand({
        Entries: [
          entry('UserSignedUp'),
          { ...entry('UserSignedUp'), Detail: 'not json' },
          { ...entry('UserSignedUp'), EventBusName: 'someone-elses-bus' },
          {
            ...entry('UserDeleted'),
            EventBusName: 'arn:aws:events:eu-west-1:000000000000:event-bus/moneta',
          },
        ],
      }),
    );
    expect(answer.FailedEntryCount).toBe(2);
    expect(answer.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'MalformedDetail',
      'ResourceNotFoundException',
      'ok',
    ]);
    await bus.whenIdle();
    expect((await stats(bus)).published).toBe(2);
  });

  it('refuses more than 10 entries as a whole', async () => {
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: busRules, invoker: recordingInvoker() });
    const entries = Array.from({ length: 11 }, () => entry('UserSignedUp'));
    await expect(clientFor(bus).send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('retries a failing target with backoff, then succeeds without a dead letter', async () => {
    const invoker = recordingInvoker((_fn, _event, call) => {
      if (call < 3) throw handlerFailure('user-data-eraser');
    });
    const rule = busRules.find((r) => r.id === 'erase-user-data')!;
    bus = await startEventBus({
      port: 0,
      busName: 'moneta',
      rules: [rule],
      invoker,
      retry: { attempts: 4, baseDelayMs: 5 },
      dataDir: dir,
    });
    await clientFor(bus).send(new PutEventsCommand({ Entries: [entry('UserDeleted')] }));
    await bus.whenIdle();

    expect(invoker.calls).toHaveLength(3);
    // Every retry carries the very same event (same id): consumers dedupe on content, not on luck.
    expect(new Set(invoker.calls.map((c) => (c.event as BusEvent).id)).size).toBe(1);
    expect(await stats(bus)).toMatchObject({ delivered: 1, failed: 2, deadLettered: 0 });
  });

  it('dead-letters an event after the last retry, on disk and over HTTP', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const invoker = recordingInvoker(() => {
      throw handlerFailure('notifier', 'SES is down');
    });
    const rule = busRules.find((r) => r.id === 'notify')!;
    bus = await startEventBus({
      port: 0,
      busName: 'moneta',
      rules: [rule],
      invoker,
      retry: { attempts: 2, baseDelayMs: 5 },
      dataDir: dir,
    });
    await clientFor(bus).send(new PutEventsCommand({ Entries: [entry('UserSignedUp', { sourceEventId: 'dl-1' })] }));
    await bus.whenIdle();

    expect(invoker.calls).toHaveLength(3); // first attempt + 2 retries
    const { deadLetters } = (await (await fetch(`${bus.url}/api/dead-letters`)).json()) as {
      deadLetters: { ruleId: string; target: string; attempts: number; error: string; event: BusEvent }[];
    };
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      ruleId: 'notify',
      target: 'notifier',
      attempts: 3,
      error: expect.stringContaining('SES is down'),
      event: { detail: { sourceEventId: 'dl-1' } },
    });
    const onDisk = (await readFile(join(dir, 'dead-letters.jsonl'), 'utf8')).trim().split('\n');
    expect(onDisk).toHaveLength(1);
    expect(JSON.parse(onDisk[0]!).event.detail.sourceEventId).toBe('dl-1');
    expect(await stats(bus)).toMatchObject({ deadLettered: 1, failed: 3, pending: 0 });
    // The console names the event, never its content.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).not.toContain('dl-1');
    warn.mockRestore();

    // A restart with the same directory still shows it.
    await bus.stop();
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: [rule], invoker, dataDir: dir });
    const again = (await (await fetch(`${bus.url}/api/dead-letters`)).json()) as { deadLetters: unknown[] };
    expect(again.deadLetters).toHaveLength(1);
  });

  it('in chaos mode delivers every event twice and out of order', async () => {
    const invoker = recordingInvoker();
    const rule = busRules.find((r) => r.id === 'audit')!;
    bus = await startEventBus({
      port: 0,
      busName: 'moneta',
      rules: [rule],
      invoker,
      chaos: { enabled: true, duplicates: 1, maxDelayMs: 40 },
    });
    const sent = Array.from({ length: 10 }, (_, i) => `s-${i}`);
    await clientFor(bus).send(
      new PutEventsCommand({ Entries: sent.map((id) => entry('UserUpdated', { sourceEventId: id })) }),
    );
    await bus.whenIdle();

    const received = invoker.calls.map(
      (c) => (c.event as BusEvent & { detail: { sourceEventId: string } }).detail.sourceEventId,
    );
    expect(received).toHaveLength(20);
    for (const id of sent) expect(received.filter((r) => r === id)).toHaveLength(2);
    // 20 deliveries at random delays in [0, 40) ms: arriving in send order is (practically) impossible.
    expect(received.join()).not.toBe([...sent, ...sent].join());
    expect(received.join()).not.toBe(sent.flatMap((id) => [id, id]).join());

    bus.setChaos({ enabled: false, duplicates: 0, maxDelayMs: 0 });
    invoker.calls.length = 0;
    await clientFor(bus).send(new PutEventsCommand({ Entries: [entry('UserUpdated')] }));
    await bus.whenIdle();
    expect(invoker.calls).toHaveLength(1);
  });

  it('switches chaos on over HTTP while running, and answers /api/idle once nothing is pending', async () => {
    const invoker = recordingInvoker();
    const rule = busRules.find((r) => r.id === 'audit')!;
    bus = await startEventBus({ port: 0, busName: 'moneta', rules: [rule], invoker });
    const put = await fetch(`${bus.url}/api/chaos`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true, duplicates: 2, maxDelayMs: 30 }),
    });
    expect(await put.json()).toEqual({ enabled: true, duplicates: 2, maxDelayMs: 30 });
    expect((await fetch(`${bus.url}/api/chaos`, { method: 'PUT', body: '{"on":1}' })).status).toBe(400);

    await clientFor(bus).send(new PutEventsCommand({ Entries: [entry('UserUpdated')] }));
    const idle = (await (await fetch(`${bus.url}/api/idle`)).json()) as Record<string, number>;
    expect(idle.pending).toBe(0);
    expect(invoker.calls).toHaveLength(3);
  });
});
