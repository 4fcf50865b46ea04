/**
 * What the webhook routes accept. Strict objects: an unknown field is a 400 naming it. Whether a
 * URL may be a target is checked after parsing (./targets.ts: it resolves the host), a 422 naming
 * `url`.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import { webhookEvents } from './catalogue';
import { MAX_URL_LENGTH } from './targets';

/** A user's webhooks at most: each event is attempted to each of them within one invocation. */
export const MAX_WEBHOOKS_PER_USER = 10;

const url = z.lazily(() => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_URL_LENGTH)));

const events = z.lazily(() =>
  z
    .array(
      z.enum(webhookEvents as unknown as [string, ...string[]], {
        error: `must be one of ${webhookEvents.join(', ')}`,
      }),
    )
    .check(
      z.minLength(1, 'must name at least one event'),
      z.refine((list) => new Set(list).size === list.length, 'must not repeat an event'),
    ),
);

const description = z.lazily(() => z.nullable(z.string().check(z.trim(), z.maxLength(200))));

/** The bytes a user-supplied secret may have (Standard Webhooks: 24 to 64). */
export const SECRET_BYTES = { min: 24, max: 64 } as const;

/** Whether a user-supplied secret has the Standard Webhooks form: `whsec_` and the base64 of 24–64 bytes. */
export function isStandardSecret(secret: string): boolean {
  if (!secret.startsWith('whsec_')) return false;
  const base64 = secret.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return false;
  const bytes = Buffer.from(base64, 'base64').length;
  return bytes >= SECRET_BYTES.min && bytes <= SECRET_BYTES.max;
}

/**
 * A secret the user brings (Standard Webhooks: `whsec_` and the base64 of 24 to 64 bytes); the
 * message never repeats it.
 */
const secret = z.lazily(() =>
  z.string().check(
    z.refine(isStandardSecret, {
      message: `must be whsec_ followed by the base64 of ${SECRET_BYTES.min} to ${SECRET_BYTES.max} bytes`,
    }),
    z.describe(
      `Optional: your own signing secret, \`whsec_\` and the base64 of ${SECRET_BYTES.min} to ${SECRET_BYTES.max} random bytes (Standard Webhooks). Without it one is made. Never shown back.`,
    ),
  ),
);

export const webhookCreateSchema = z.lazily(() =>
  z.strictObject({
    url: url(),
    events: events(),
    description: z.optional(description()),
    secret: z.optional(secret()),
  }),
);
export type WebhookCreate = z.infer<ReturnType<typeof webhookCreateSchema>>;

export const webhookPatchSchema = z.lazily(() =>
  z
    .strictObject({
      url: z.optional(url()),
      events: z.optional(events()),
      description: z.optional(description()),
      /** true re-enables a disabled webhook (and forgets its failures); false pauses it. */
      enabled: z.optional(z.boolean()),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type WebhookPatch = z.infer<ReturnType<typeof webhookPatchSchema>>;

export const webhookListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));
export const deliveryListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

/** A delivery id (`msg_…`, ./deliver.ts) is an id like any other. */
export const deliveryPath = z.lazily(() => z.strictObject({ id: entityId(), deliveryId: entityId() }));

/** 422 naming `url`: the target is not one Moneta will send to (./targets.ts). */
export class TargetRefused extends HttpProblem {
  constructor(message: string) {
    super(422, 'webhook-target-refused', 'The URL is not an allowed webhook target', `url ${message}.`, [
      { in: 'body', field: 'url', message },
    ]);
  }
}

/** 422: a user has MAX_WEBHOOKS_PER_USER already. */
export class TooManyWebhooks extends HttpProblem {
  constructor() {
    super(
      422,
      'webhook-limit',
      'Too many webhooks',
      `A user may have ${MAX_WEBHOOKS_PER_USER} webhooks; delete one first.`,
    );
  }
}

/** The actions (rotate, ping, redeliver) take no input: an empty JSON object or nothing. */
export const noBody = z.lazily(() => z.optional(z.strictObject({})));
