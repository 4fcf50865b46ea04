/**
 * What the capture routes return: the message, what the parser read, what became of it and why.
 * The zod schema describes the same shape for the OpenAPI contract.
 */
import * as z from '../kit/schema';
import {
  type CaptureItem,
  captureSources,
  captureStatuses,
  ignoreReasons,
  parsedMessage,
  reviewReasons,
  transferSuggestion,
} from './items';

export function toCaptureView(item: CaptureItem) {
  return {
    id: item.captureId,
    status: item.status,
    text: item.text,
    source: item.source,
    sender: item.sender,
    receivedAt: item.receivedAt,
    parse: item.parse,
    ignoredBecause: item.ignoredBecause,
    reviewReasons: item.reviewReasons,
    refusal: item.refusal,
    accountId: item.accountId,
    candidateAccountIds: item.candidateAccountIds,
    similarTransactionIds: item.similarTransactionIds,
    transfer: item.transfer,
    transactionId: item.transactionId,
    transferId: item.transferId,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export const captureView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    status: z
      .enum(captureStatuses)
      .check(
        z.describe(
          'recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; ' +
            'needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); ' +
            'rejected: dismissed by the user. Captures that record nothing are kept 30 days.',
        ),
      ),
    text: z.string(),
    source: z.nullable(z.enum(captureSources)),
    sender: z.nullable(z.string()),
    receivedAt: z.nullable(z.string()),
    parse: parsedMessage().check(z.describe('What the parser read, each field with its confidence (0–1).')),
    ignoredBecause: z.nullable(z.enum(ignoreReasons)),
    reviewReasons: z.array(z.enum(reviewReasons)),
    refusal: z.nullable(z.string()).check(z.describe('Why recording was refused (e.g. budget-exceeded).')),
    accountId: z.nullable(z.string()).check(z.describe('The account its hint named (or the one it was recorded on).')),
    candidateAccountIds: z.array(z.string()),
    similarTransactionIds: z
      .array(z.string())
      .check(z.describe('Transactions on that account within ± 2 days with the same amount and a similar payee.')),
    transfer: z
      .nullable(transferSuggestion())
      .check(z.describe('The other leg, when this looks like a transfer between own accounts.')),
    transactionId: z.nullable(z.string()),
    transferId: z.nullable(z.string()).check(z.describe('The transfer accepting it with `asTransfer` created.')),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
