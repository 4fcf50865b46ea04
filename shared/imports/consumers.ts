/** The imports feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

/** The job statuses that still have work: a change of the job in one of them runs its next step. */
const working = ['queued', 'running', 'undoing'];

export const importer = defineConsumer({
  function: 'importer',
  entry: 'functions/events/importer.ts',
  functionDescription: 'Imports statement rows one chunk per event, driven by the job item, each row exactly once',
  events: ['ImportRequested', 'ImportUpdated'],
  // A job's own writes drive it, only while it has work (not awaiting its upload, nor finished).
  only: {
    ImportRequested: [{ data: { status: working } }],
    ImportUpdated: [{ data: { status: working } }],
  },
  rule: { id: 'import', description: 'Each change of an unfinished import job runs its next chunk' },
  grants: { table: 'readWrite', files: 'readWrite' },
  // Step 0 parses a statement of up to 10 MB (about 50,000 rows); a chunk records 200 rows, each
  // one TransactWriteItems: seconds, with room for DynamoDB's retries under contention.
  timeoutSeconds: 120,
  memoryMb: 1024,
});

export const importsConsumers = [importer] as const;
