/**
 * The consumers' dead-letter queue of the local cloud, read behind the API's back (its SQS checks
 * no signature), for tests of what happens after the retry window.
 */
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { stackOutputs } from './outputs';

/** Messages in the dead-letter queue, visible or in flight. */
export async function deadLetterCount(): Promise<number> {
  const { SqsEndpoint, ConsumerDeadLetterQueueUrl, Region } = stackOutputs();
  if (!SqsEndpoint || !ConsumerDeadLetterQueueUrl) throw new Error('This target has no local SQS');
  const sqs = new SQSClient({
    endpoint: SqsEndpoint,
    region: Region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: ConsumerDeadLetterQueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  } finally {
    sqs.destroy();
  }
}
