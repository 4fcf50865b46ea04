/**
 * Cognito post-confirmation trigger: writes the new user's profile item (whose stream record
 * becomes `UserSignedUp`) and the default categories, in one TransactWriteItems. Cognito retries a
 * trigger that fails or times out, so the write is create-if-absent: a second delivery finds the
 * profile and changes nothing, and a failed one left nothing half-written.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { defaultCategories } from '../../shared/categories/defaults';
import { newCategoryPut } from '../../shared/categories/store';
import { customAttributes } from '../../shared/identity/cognito-auth';
import {
  DEFAULT_HOME_CURRENCY,
  DEFAULT_TIMEZONE,
  defaultNotificationPreferences,
  type Profile,
  ProfileEntity,
  profileSchema,
} from '../../shared/identity/profile';
import { createProfileStore } from '../../shared/identity/profile-store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { timeZone } from '../../shared/kit/dates/timezones';
import { withWriteContext } from '../../shared/kit/dynamodb/write-context';
import { currencyCode } from '../../shared/kit/money/money';
import { logger, metrics } from '../../shared/kit/observability';

const tableName = requireEnv('TABLE_NAME');
const profiles = createProfileStore({ db: documentClient(), tableName });

/**
 * A custom attribute if it is valid, else the default. The API validates both at sign-up, but a
 * user created through Cognito directly could carry anything, and failing here would leave them
 * unable to confirm at all.
 */
function validOr<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  value: unknown,
  fallback: T,
) {
  if (value === undefined) return fallback;
  const result = schema.safeParse(value);
  if (result.success) return result.data as T;
  logger.warn('Invalid custom attribute replaced by its default');
  return fallback;
}

function profileFromSignUp(attributes: Record<string, string | undefined>, now: string): Profile {
  const userId = attributes.sub;
  if (!userId) throw new Error('Post-confirmation event without a sub');
  return profileSchema().parse({
    type: ProfileEntity.type,
    userId,
    email: (attributes.email ?? '').trim().toLowerCase(),
    name: attributes.name ?? '',
    homeCurrency: validOr(currencyCode(), attributes[customAttributes.homeCurrency], DEFAULT_HOME_CURRENCY),
    timezone: validOr(timeZone(), attributes[customAttributes.timezone], DEFAULT_TIMEZONE),
    notifications: defaultNotificationPreferences,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}

export const handler = middy<PostConfirmationTriggerEvent, PostConfirmationTriggerEvent>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics))
  .handler(async (event, context) => {
    // The trigger also fires after a password reset (PostConfirmation_ConfirmForgotPassword).
    if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;

    const now = new Date().toISOString();
    const profile = profileFromSignUp(event.request.userAttributes, now);
    const categories = defaultCategories(now).map((category) => newCategoryPut(tableName, profile.userId, category));
    // The user confirming their own sign-up; Cognito's invocation is the request.
    const writer = { actor: 'user', correlationId: context.awsRequestId };
    const outcome = await withWriteContext(writer, () => profiles.createIfAbsent(profile, categories));
    logger.info('Profile and default categories written on sign-up', { outcome, categories: categories.length });
    if (outcome === 'created') metrics.addMetric('ProfileCreated', 'Count', 1);
    return event;
  });
