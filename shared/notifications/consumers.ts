/** The notifications feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const notifier = defineConsumer({
  function: 'notifier',
  entry: 'functions/events/notifier.ts',
  functionDescription: 'Sends emails for domain facts, exactly once per fact',
  // The events ./facts.ts turns into a fact to email (a unit test keeps the two lists equal).
  events: [
    'UserSignedUp',
    'BudgetThresholdCrossed',
    'GoalMilestoneReached',
    'GoalAchieved',
    'ExportReady',
    'TransactionCreated',
    'UnusualSpending',
    'MonthlySummary',
    'InvoiceOverdue',
    'WebhookDisabled',
    'PaymentSucceeded',
    'PaymentFailed',
  ],
  // Only a large transaction is news; the ledger marks it when recorded (TransactionItem.large).
  only: { TransactionCreated: [{ data: { large: [true] } }] },
  rule: { id: 'notify', description: 'Facts that someone should hear about by email' },
  // Files: reads an export to attach it to the email that says it is ready.
  grants: { table: 'readWrite', sendEmail: true, files: 'read' },
  timeoutSeconds: 30,
});

export const notificationsConsumers = [notifier] as const;
