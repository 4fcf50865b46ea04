/** Request bodies and views of the session and token routes. Strict objects: an unknown field is a 400 naming it. */

import { reauthBody } from '../identity/public';
import { entityName } from '../kit/http/fields';
import * as z from '../kit/schema';
import { apiTokenScopes } from './items';

/** `["read"]` or `["read","write"]`: writing implies reading. */
const scopesSchema = z.lazily(() =>
  z.union([z.tuple([z.literal('read')]), z.tuple([z.literal('read'), z.literal('write')])], {
    error: 'must be ["read"] or ["read","write"]',
  }),
);

/** Re-authenticated: the current password (and the authenticator's code when MFA is on) come with it. */
export const tokenCreateBody = z.lazily(() =>
  z.extend(reauthBody(), {
    name: entityName(),
    scopes: scopesSchema(),
    expiresAt: z.optional(
      z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z' }),
    ),
  }),
);

export const tokenView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(apiTokenScopes)),
    createdAt: z.string(),
    lastUsedAt: z.nullable(z.string()),
    expiresAt: z.nullable(z.string()),
  }),
);

export const createdTokenView = z.lazily(() => z.extend(tokenView(), { token: z.string() }));

export const sessionView = z.lazily(() =>
  z.strictObject({
    valid: z.literal(true),
    principal: z.literal('session'),
    userId: z.string(),
    sessionId: z.nullable(z.string()),
    issuedAt: z.string(),
    expiresAt: z.string(),
  }),
);

/** A route that takes nothing but the caller's token: an empty object, or no body. */
export const emptyBody = z.lazily(() => z.strictObject({}));
