/** Where undeliverable events and stream records wait for a human: encrypted, TLS-only, kept 14 days. */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** SQS's maximum, so a long weekend never loses a failed delivery before someone looks. */
const DEAD_LETTER_RETENTION = Duration.days(14);

export function deadLetterQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, {
    // SSE-SQS: EventBridge and Lambda can write to it without a customer-managed KMS key policy.
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  const reason =
    'This queue is itself a dead-letter queue (of an EventBridge target, the stream mapping or the consumer retrier) and is alarmed.';
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
  return queue;
}
