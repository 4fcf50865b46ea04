/**
 * The consumer retrier's work, over SQS and Lambda: sweep the retry queue (invoke each due event's
 * consumer again, let the others wait, dead-letter the expired), and redrive the dead-letter queue
 * on request. Decisions are ./retries.ts's; this module only moves messages.
 *
 * Every step is safe to repeat: a message is deleted only after its consumer accepted the event
 * (or the dead-letter queue took it), so a retrier that dies half-way re-sends at worst, and
 * consumers are idempotent.
 */
import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  decideParked,
  functionNameOf,
  type ParkedPublication,
  parkedPublication,
  parseParked,
  type RetryPolicy,
  redrivePayload,
} from './retries';

/** How a parked publication is named in logs and redrives (`npm run redrive -- stream-publisher`). */
const PUBLISHER = 'stream-publisher';

/** How long a received message stays hidden while the retrier works on it (it is back after a crash). */
const IN_FLIGHT_SECONDS = 120;
/** SQS's longest visibility timeout. */
const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;

export type SweepCounts = { invoked: number; published: number; waiting: number; deadLettered: number };

type RetrierDeps = {
  sqs: SQSClient;
  lambda: LambdaClient;
  /** Puts the stream publisher's parked events on the bus. */
  eventBridge: EventBridgeClient;
  retryQueueUrl: string;
  deadLetterQueueUrl: string;
  policy: RetryPolicy;
  now?: () => number;
  /** Names only (function, decision): records hold people's events. */
  log?: (message: string, fields: Record<string, unknown>) => void;
};

export function createRetrier(deps: RetrierDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});

  async function receive(queueUrl: string): Promise<Message[]> {
    const { Messages } = await deps.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: IN_FLIGHT_SECONDS,
        WaitTimeSeconds: 0,
      }),
    );
    return Messages ?? [];
  }

  const remove = (queueUrl: string, message: Message) =>
    deps.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));

  /** Asynchronous, as EventBridge invokes consumers: a failure goes through Lambda's retries again. */
  const invoke = (functionArn: string, payload: unknown) =>
    deps.lambda.send(
      new InvokeCommand({
        FunctionName: functionArn,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );

  /** Puts the entries on the bus; returns those EventBridge did not take (all of them if the call failed). */
  async function publish(entries: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const failed: Record<string, unknown>[] = [];
    for (let i = 0; i < entries.length; i += 10) {
      const chunk = entries.slice(i, i + 10);
      try {
        const { Entries = [] } = await deps.eventBridge.send(
          new PutEventsCommand({
            Entries: chunk.map(
              (entry) =>
                ({
                  ...entry,
                  Time: typeof entry.Time === 'string' ? new Date(entry.Time) : undefined,
                }) as PutEventsRequestEntry,
            ),
          }),
        );
        chunk.forEach((entry, index) => {
          if (!Entries[index]?.EventId) failed.push(entry);
        });
      } catch {
        failed.push(...chunk);
      }
    }
    return failed;
  }

  /** Publishes a parked publication; what is still refused goes back to the retry queue. */
  async function republish(publication: ParkedPublication, fresh: boolean): Promise<boolean> {
    const failed = await publish(publication.entries);
    if (failed.length === 0) return true;
    const next = parkedPublication(failed, now(), fresh ? undefined : publication);
    await deps.sqs.send(new SendMessageCommand({ QueueUrl: deps.retryQueueUrl, MessageBody: JSON.stringify(next) }));
    return false;
  }

  async function deadLetter(message: Message): Promise<void> {
    await deps.sqs.send(new SendMessageCommand({ QueueUrl: deps.deadLetterQueueUrl, MessageBody: message.Body ?? '' }));
    await remove(deps.retryQueueUrl, message);
  }

  async function sweepOne(message: Message, counts: SweepCounts): Promise<void> {
    const parked = parseParked(message.Body ?? '');
    if (!parked) {
      log('dead-lettering a message that is neither an invocation record nor a publication', {});
      await deadLetter(message);
      counts.deadLettered++;
      return;
    }
    const consumer =
      parked.kind === 'invocation' ? functionNameOf(parked.record.requestContext.functionArn) : PUBLISHER;
    const decision = decideParked(parked, now(), deps.policy);
    if (decision.action === 'invoke') {
      await invoke(decision.functionArn, decision.payload);
      await remove(deps.retryQueueUrl, message);
      counts.invoked++;
      log('retried an event', { consumer });
    } else if (decision.action === 'publish') {
      if (await republish(decision.publication, false)) counts.published++;
      await remove(deps.retryQueueUrl, message);
      log('retried a publication', { consumer });
    } else if (decision.action === 'wait') {
      const seconds = Math.min(Math.max(1, Math.ceil(decision.delayMs / 1000)), MAX_VISIBILITY_SECONDS);
      await deps.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: deps.retryQueueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
      counts.waiting++;
    } else {
      await deadLetter(message);
      counts.deadLettered++;
      log('dead-lettered an event', { consumer, reason: decision.reason });
    }
  }

  return {
    /** Works through the retry queue until it shows nothing visible or `hasTime()` says stop. */
    async sweep(hasTime: () => boolean): Promise<SweepCounts> {
      const counts: SweepCounts = { invoked: 0, published: 0, waiting: 0, deadLettered: 0 };
      while (hasTime()) {
        const messages = await receive(deps.retryQueueUrl);
        if (messages.length === 0) break;
        for (const message of messages) await sweepOne(message, counts);
      }
      return counts;
    },

    /**
     * Invokes the consumer of each dead-lettered event whose function name contains `consumer`
     * (any spelling: `budget-evaluator`, `BudgetEvaluator`), or of all with `all`; the others stay.
     * `stream-publisher` puts the publisher's dead-lettered events on the bus; what the bus still
     * refuses goes back to the retry queue with a fresh window.
     */
    async redrive(consumer: string, hasTime: () => boolean): Promise<{ redriven: number; kept: number }> {
      const wanted = normalize(consumer);
      let redriven = 0;
      let kept = 0;
      while (hasTime()) {
        const messages = await receive(deps.deadLetterQueueUrl);
        if (messages.length === 0) break;
        for (const message of messages) {
          const parked = parseParked(message.Body ?? '');
          const owner =
            parked?.kind === 'invocation' ? functionNameOf(parked.record.requestContext.functionArn) : PUBLISHER;
          if (!parked || (wanted !== 'all' && !normalize(owner).includes(wanted))) {
            // Not asked for: it stays hidden for this run (so the loop ends) and is back shortly after.
            kept++;
            continue;
          }
          if (parked.kind === 'invocation') {
            await invoke(parked.record.requestContext.functionArn, redrivePayload(parked.record, now()));
          } else {
            await republish(parked.publication, true);
          }
          await remove(deps.deadLetterQueueUrl, message);
          redriven++;
        }
      }
      log('redrove dead letters', { consumer, redriven, kept });
      return { redriven, kept };
    },
  };
}

/** `budget-evaluator`, `BudgetEvaluator` and `Moneta-BudgetEvaluatorA1B2` compare alike. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
