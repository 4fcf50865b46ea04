/**
 * Exactly one email per fact under at-least-once delivery, within the user's preferences and
 * hourly cap:
 *
 *   1. read the recipient's profile (events carry no email address); none → the user is gone,
 *      nothing is sent or written;
 *   2. a kind the user switched off → the fact is recorded `suppressed` (reason `preference`);
 *   3. claim the fact's notification item and a slot of this hour's cap in one transaction;
 *      over the cap → recorded `suppressed` (reason `hourly-cap`);
 *   4. send with SES, then record `sent` with the message id — or `failed` (giving the cap slot
 *      back) and rethrow, so the event is invoked again (Lambda's two retries, then the consumer
 *      retrier with backoff for over a day, then the dead-letter queue and its alarm:
 *      lib/catalog/consumer-retries.ts) and the next claim succeeds.
 *
 * The one unavoidable gap: SES accepts the email and the function dies (timeout, crash) before
 * `markSent`. The item stays `sending`; once the claim lease has expired, the retried event claims
 * it again and the email goes out a second time. SES offers no idempotency key to close this, so
 * the lease bounds it to one extra email in that rare case, and `attempts` > 1 on a `sent` item
 * shows it happened.
 */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Profile } from '../identity/public';
import { logger } from '../kit/observability';
import type { Fact } from './facts';
import { capWindow } from './hourly-cap';
import { wantsKind } from './kinds';
import { mimeMessage } from './mime';
import type { NotificationStore } from './store';
import type { RenderedEmail } from './templates/email';

/** How long a claim protects a send in progress; longer than the notifier's timeout (30 s). */
const CLAIM_LEASE_MS = 2 * 60 * 1000;

type DeliveryDeps = {
  store: Pick<NotificationStore, 'claim' | 'suppress' | 'markSent' | 'markFailed'>;
  profile: (userId: string) => Promise<Profile | undefined>;
  accountName: (userId: string, accountId: string) => Promise<string | undefined>;
  ses: Pick<SESv2Client, 'send'>;
  senderEmail: string;
  /** The SES configuration set every send names; undefined: none (the deployment has none). */
  configurationSet?: string | undefined;
  appName: string;
  apiUrl: string;
  /** Reads an object of the files bucket (an export to attach). */
  file: (key: string) => Promise<Buffer>;
  now?: () => Date;
};

export type DeliveryOutcome =
  | 'sent'
  /** Already sent, suppressed, or being sent right now. */
  | 'duplicate'
  /** The fact does not concern this user (e.g. below their large-transaction amount). */
  | 'not-applicable'
  /** No profile: the user deleted their account. */
  | 'no-recipient'
  | 'suppressed-preference'
  | 'suppressed-hourly-cap';

/** Reports `fact` to `userId` at most once; throws (after recording) when SES fails. */
export async function deliverOnce(userId: string, fact: Fact, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  const ref = { userId, factId: fact.factId };
  const facts = { kind: fact.kind, factId: fact.factId };

  const profile = await deps.profile(userId);
  if (!profile) {
    logger.info('No profile: the user is gone, nothing to send', facts);
    return 'no-recipient';
  }
  if (fact.concerns && !fact.concerns(profile)) return 'not-applicable';

  const claimedAt = now();
  const lease = { now: claimedAt, staleBefore: new Date(claimedAt.getTime() - CLAIM_LEASE_MS) };

  if (!wantsKind(fact.kind, profile.notifications)) {
    const outcome = await deps.store.suppress(ref, fact.kind, 'preference', lease);
    logger.info('Notification switched off by the user', { ...facts, outcome });
    return outcome === 'suppressed' ? 'suppressed-preference' : outcome === 'duplicate' ? 'duplicate' : 'no-recipient';
  }

  const claim = await deps.store.claim(ref, fact.kind, { ...lease, cap: capWindow(claimedAt) });
  switch (claim.status) {
    case 'duplicate':
      logger.info('Notification already sent, suppressed or being sent', facts);
      return 'duplicate';
    case 'no-profile':
      logger.info('No profile: the user is gone, nothing to send', facts);
      return 'no-recipient';
    case 'over-cap': {
      const outcome = await deps.store.suppress(ref, fact.kind, 'hourly-cap', lease);
      logger.warn('Hourly email cap reached: notification suppressed', { ...facts, outcome });
      return outcome === 'suppressed'
        ? 'suppressed-hourly-cap'
        : outcome === 'duplicate'
          ? 'duplicate'
          : 'no-recipient';
    }
    case 'claimed':
      break;
  }

  const content = await fact.render({
    appName: deps.appName,
    apiUrl: deps.apiUrl,
    profile,
    accountName: (accountId) => deps.accountName(userId, accountId),
    file: deps.file,
  });

  let messageId: string;
  try {
    const response = await deps.ses.send(sendEmailCommand(profile.email, fact.kind, content, deps));
    messageId = response.MessageId ?? '';
  } catch (error) {
    const errorCode = error instanceof Error ? error.name : 'UnknownError';
    logger.warn('Email not sent', { ...facts, errorCode });
    await deps.store.markFailed(claim.claim, errorCode, now());
    // Rethrow: the rule target retries the event, and the next claim succeeds on `failed`.
    throw error;
  }

  const recorded = await deps.store.markSent(claim.claim, messageId, now());
  if (!recorded) {
    // Our claim was taken over (lease expired mid-send) or the user's data was erased meanwhile.
    logger.warn('Email sent but the claim was no longer ours', facts);
  }
  logger.info('Email sent', { ...facts, sesMessageId: messageId });
  return 'sent';
}

function sendEmailCommand(
  to: string,
  kind: string,
  content: RenderedEmail,
  deps: Pick<DeliveryDeps, 'senderEmail' | 'configurationSet'>,
) {
  if (content.attachments && content.attachments.length > 0) {
    // Only a raw MIME message can carry files; the headers' From and To must match the envelope.
    return new SendEmailCommand({
      FromEmailAddress: deps.senderEmail,
      ConfigurationSetName: deps.configurationSet,
      Destination: { ToAddresses: [to] },
      Content: { Raw: { Data: mimeMessage({ ...content, from: deps.senderEmail, to }) } },
      EmailTags: [{ Name: 'kind', Value: kind }],
    });
  }
  return new SendEmailCommand({
    FromEmailAddress: deps.senderEmail,
    ConfigurationSetName: deps.configurationSet,
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: content.subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: content.html, Charset: 'UTF-8' },
          Text: { Data: content.text, Charset: 'UTF-8' },
        },
      },
    },
    EmailTags: [{ Name: 'kind', Value: kind }],
  });
}
