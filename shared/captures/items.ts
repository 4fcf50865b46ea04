/**
 * A captured bank message and what became of it. One item per POST /v1/captures, in the user's
 * partition (`CAPTURE#<captureId>`), so erasing the user erases it. The status list is an index:
 * gsi1 `USER#<sub>#CAPTURE#<status>` / `<captureId>` (ULIDs sort by creation), so
 * `GET /v1/captures?status=…` is one Query read backwards, newest first, with no filter.
 */
import { byId, entity, userPk } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';

export const CaptureEntity = entity('CAPTURE', 'CAPTURE', byId);

export const captureStatuses = ['needs-review', 'recorded', 'ignored', 'duplicate', 'rejected'] as const;
export type CaptureStatus = (typeof captureStatuses)[number];

export const captureSources = ['sms', 'email', 'push'] as const;

/** Why a capture waits for review (several may apply). */
export const reviewReasons = [
  'low-confidence',
  'incomplete',
  'no-matching-account',
  'several-matching-accounts',
  'possible-duplicate',
  'possible-transfer',
  'not-recordable',
] as const;
export type ReviewReason = (typeof reviewReasons)[number];

export const ignoreReasons = ['otp', 'promotion', 'balance-enquiry', 'declined', 'not-a-transaction'] as const;

/** How long a capture that recorded nothing is kept for the user to see why (epoch-seconds TTL). */
export const UNRECORDED_TTL_DAYS = 30;

export const captureIndex = {
  pk: (userId: string, status: CaptureStatus) => `${userPk(userId)}#CAPTURE#${status}`,
};

const storedMoney = z.lazily(() => z.object({ amount: z.int(), currency: currencyCode() }));
const field = <T extends z.Schema>(value: T) => z.nullable(z.object({ value, confidence: z.number() }));

/** The parser's reading of a transaction message, as stored and shown (shared/captures/parse/types.ts). */
export const parsedTransaction = z.lazily(() =>
  z.object({
    kind: z.literal('transaction'),
    template: z.string(),
    direction: field(z.enum(['debit', 'credit'])),
    money: field(storedMoney()),
    accountMoney: field(storedMoney()),
    counterparty: field(z.string()),
    accountHint: field(z.string()),
    occurredAt: field(z.object({ date: z.string(), time: z.optional(z.string()) })),
    balanceAfter: field(storedMoney()),
    reference: field(z.string()),
    confidence: z.number(),
  }),
);

export const parsedMessage = z.lazily(() =>
  z.discriminatedUnion('kind', [
    parsedTransaction(),
    z.object({ kind: z.literal('ignored'), reason: z.enum(ignoreReasons), template: z.optional(z.string()) }),
  ]),
);

/** A transfer the capture may be one leg of: the other leg already on another of the user's accounts. */
export const transferSuggestion = z.lazily(() =>
  z.object({ counterpartAccountId: z.string(), counterpartTransactionId: z.string() }),
);

export const captureItem = z.lazily(() =>
  z.object({
    type: z.literal(CaptureEntity.type),
    captureId: z.string().check(z.minLength(1)),
    status: z.enum(captureStatuses),
    text: z.string(),
    source: z.nullable(z.enum(captureSources)),
    sender: z.nullable(z.string()),
    receivedAt: z.nullable(z.string()),
    parse: parsedMessage(),
    /** The ignore reason of an ignored message. */
    ignoredBecause: z.nullable(z.enum(ignoreReasons)),
    reviewReasons: z.array(z.enum(reviewReasons)),
    /** Why recording was refused (`budget-exceeded` …) when reviewReasons holds `not-recordable`. */
    refusal: z.nullable(z.string()),
    /** The account the transaction goes to, when one matched; candidates when none or several did. */
    accountId: z.nullable(z.string()),
    candidateAccountIds: z.array(z.string()),
    /** Existing transactions that look like this one (date ± 2 days, same amount, similar payee). */
    similarTransactionIds: z.array(z.string()),
    transfer: z.nullable(transferSuggestion()),
    /** What the transaction is (or would be) recorded under: exact duplicates share it. */
    externalId: z.nullable(z.string()),
    /** The recorded transaction (recorded), or the one this message was already recorded as (duplicate). */
    transactionId: z.nullable(z.string()),
    /** The transfer accepting it created. */
    transferId: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
    expiresAt: z.optional(z.int()),
  }),
);
export type CaptureItem = z.infer<ReturnType<typeof captureItem>>;
