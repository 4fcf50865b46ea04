/** What the capture routes accept: strict bodies, so an unknown field is a 400 naming it. */

import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import * as z from '../kit/schema';
import { createTransactionBody } from '../transactions/public';
import { captureSources, captureStatuses } from './items';

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_SENDER_LENGTH = 200;

export const captureCreateSchema = z.lazily(() =>
  z.strictObject({
    text: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'must not be empty'),
        z.maxLength(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
      ),
    /** When the message arrived: dates a message that gives none (its day in the user's time zone). */
    receivedAt: z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' })),
    source: z.optional(z.enum(captureSources)),
    sender: z.optional(z.string().check(z.trim(), z.maxLength(MAX_SENDER_LENGTH))),
  }),
);
export type CaptureCreate = z.infer<ReturnType<typeof captureCreateSchema>>;

/** Corrections to what the message said; anything left out is taken from the parse (no body: none). */
export const captureAcceptSchema = z.lazily(() => z.optional(acceptCorrections()));
const acceptCorrections = z.lazily(() => {
  const entry = createTransactionBody().shape;
  return z.strictObject({
    accountId: z.optional(entityId()),
    kind: z.optional(entry.kind),
    money: z.optional(entry.money),
    accountAmount: entry.accountAmount,
    date: entry.date,
    payee: entry.payee,
    categoryId: entry.categoryId,
    note: entry.note,
    tags: entry.tags,
    /** Record it as a transfer with the suggested other leg's account instead. */
    asTransfer: z.optional(z.boolean()),
  });
});
export type CaptureAccept = z.infer<ReturnType<typeof acceptCorrections>>;

/** Reject takes nothing; an empty object (or no body) is accepted so clients can always send JSON. */
export const captureRejectSchema = z.lazily(() => z.optional(z.strictObject({})));

export const captureListQuery = z.lazily(() =>
  z.strictObject({
    status: z._default(z.enum(captureStatuses), 'needs-review'),
    ...pageQuery(),
  }),
);
