/**
 * Exactly one email per fact under at-least-once delivery (handbook §3): claim the fact's
 * notification item conditionally, send with SES, record the outcome.
 *
 * The one unavoidable gap: SES accepts the email and the function dies (timeout, crash) before
 * `markSent`. The item stays `sending`; once the claim lease has expired, the retried event claims
 * it again and the email goes out a second time. SES offers no idempotency key to close this, so
 * the lease bounds it to one extra email in that rare case, and `attempts` > 1 on a `sent` item
 * shows it happened.
 */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { logger } from '../observability';
import type { NotificationStore } from '../store/notification-store';
import type { OutgoingEmail } from './facts';

/** How long a claim protects a send in progress; longer than the notifier's timeout (30 s). */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

export type DeliveryDeps = {
  store: Pick<NotificationStore, 'claim' | 'markSent' | 'markFailed'>;
  ses: Pick<SESv2Client, 'send'>;
  senderEmail: string;
  configurationSet: string;
  now?: () => Date;
};

export type DeliveryOutcome = 'sent' | 'duplicate';

/** Sends the email unless this fact was already reported; throws (after recording) when SES fails. */
export async function deliverOnce(userId: string, email: OutgoingEmail, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  const ref = { userId, factId: email.factId };
  const claimedAt = now();
  const claim = await deps.store.claim(ref, email.kind, claimedAt, new Date(claimedAt.getTime() - CLAIM_LEASE_MS));
  if (!claim) {
    logger.info('Notification already sent or being sent', { kind: email.kind, factId: email.factId });
    return 'duplicate';
  }

  let messageId: string;
  try {
    const response = await deps.ses.send(
      new SendEmailCommand({
        FromEmailAddress: deps.senderEmail,
        ConfigurationSetName: deps.configurationSet,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.content.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.content.html, Charset: 'UTF-8' },
              Text: { Data: email.content.text, Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: [{ Name: 'kind', Value: email.kind }],
      }),
    );
    messageId = response.MessageId ?? '';
  } catch (error) {
    const errorCode = error instanceof Error ? error.name : 'UnknownError';
    logger.warn('Email not sent', { kind: email.kind, factId: email.factId, attempt: claim.attempt, errorCode });
    await deps.store.markFailed(claim, errorCode, now());
    // Rethrow: the rule target retries the event, and the next claim succeeds on `failed`.
    throw error;
  }

  const recorded = await deps.store.markSent(claim, messageId, now());
  if (!recorded) {
    // Our claim was taken over (lease expired mid-send) or the user's data was erased meanwhile.
    logger.warn('Email sent but the claim was no longer ours', { kind: email.kind, factId: email.factId });
  }
  logger.info('Email sent', {
    kind: email.kind,
    factId: email.factId,
    attempt: claim.attempt,
    sesMessageId: messageId,
  });
  return 'sent';
}
