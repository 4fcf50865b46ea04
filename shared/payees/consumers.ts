/** The payees feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const payeeJobRunner = defineConsumer({
  function: 'payee-job-runner',
  entry: 'functions/events/payee-job-runner.ts',
  functionDescription:
    "Carries a payee's rename or merge to its transactions one chunk per event, driven by the job item",
  events: ['PayeeJobRequested', 'PayeeJobUpdated'],
  // A job's own writes drive it: only while it still has work.
  only: { PayeeJobUpdated: [{ data: { status: ['queued', 'running'] } }] },
  rule: { id: 'run-payee-job', description: 'Each change of an unfinished payee job runs its next chunk' },
  grants: { table: 'readWrite' },
  // A chunk is 100 TransactWriteItems: a few seconds.
  timeoutSeconds: 60,
});

export const payeesConsumers = [payeeJobRunner] as const;
