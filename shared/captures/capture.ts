/**
 * What happens to a bank message: parsed, then ignored (not a transaction), recorded (sure of
 * everything, one account named, nothing alike on the ledger), a duplicate (its bank reference or
 * its text was recorded already), or put in review with the reasons. Recording goes through the
 * same recorder as POST /v1/transactions, with the capture's own row in the same write, so a
 * capture says `recorded` exactly when its transaction exists.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { AccountItem } from '../accounts/public';
import { ConflictError, DomainError, InvalidInput, NotFoundError } from '../kit/errors';
import { HttpProblem } from '../kit/http/problems';
import type { RuleEngine } from '../rules/public';
import type { CreateTransactionBody, RecordingProfile, TransactionRecorder } from '../transactions/public';
import { CaptureEntity, type CaptureItem, type ReviewReason, UNRECORDED_TTL_DAYS } from './items';
import {
  accountsMatching,
  type CaptureShape,
  captureDate,
  captureExternalId,
  RECORD_FROM_CONFIDENCE,
  SIMILAR_WITHIN_DAYS,
  shiftDay,
  similarTransactions,
  transferCounterpart,
} from './match';
import type { ParseContext, ParsedMessage, ParsedTransaction } from './parse/types';
import type { CaptureAccept, CaptureCreate } from './schemas';
import { createCaptureStore } from './store';

/** Capture ids sort in arrival order even within one millisecond: the review queue lists by them. */
const captureIdAt = monotonicFactory();

export type MessageParser = (text: string, context: ParseContext) => ParsedMessage;

const MAX_PAYEE_LENGTH = 100;
const DAY_SECONDS = 86_400;

export type CaptureService = ReturnType<typeof createCaptureService>;

export function createCaptureService({
  db,
  tableName,
  recorder,
  rules,
  parse,
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  recorder: TransactionRecorder;
  rules: RuleEngine;
  parse: MessageParser;
}) {
  const store = createCaptureStore({ db, tableName });
  const expiry = (now: Date) => Math.floor(now.getTime() / 1000) + UNRECORDED_TTL_DAYS * DAY_SECONDS;

  /**
   * Plans the transaction (rules first when no category is given) and writes it with `capture`'s
   * row turned `recorded`: a new row, or the reviewed one's next version.
   */
  async function record(
    userId: string,
    profile: RecordingProfile,
    body: CreateTransactionBody,
    capture: CaptureItem,
    reviewed: CaptureItem | undefined,
    now: Date,
  ): Promise<CaptureItem> {
    const ruled = body.categoryId === undefined ? await rules.forCreate(userId, body) : body;
    const planned = await recorder.plan(userId, profile, ruled, now);
    const recorded: CaptureItem = {
      ...capture,
      status: 'recorded',
      accountId: body.accountId,
      transactionId: planned.item.transactionId,
    };
    delete recorded.expiresAt;
    const row = reviewed ? store.transitionPut(userId, reviewed, recorded) : store.newCapturePut(userId, recorded);
    await recorder.write(userId, planned, [row]);
    return recorded;
  }

  return {
    store,

    async ingest(userId: string, profile: RecordingProfile, input: CaptureCreate, now = new Date()) {
      const parsed = parse(input.text, {
        ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
        timezone: profile.timezone,
        ...(input.sender ? { sender: input.sender } : {}),
        ...(input.source ? { source: input.source } : {}),
        defaultCurrency: profile.homeCurrency,
      });
      const stamp = now.toISOString();
      const base: CaptureItem = {
        type: CaptureEntity.type,
        captureId: captureIdAt(now.getTime()),
        status: 'needs-review',
        text: input.text,
        source: input.source ?? null,
        sender: input.sender || null,
        receivedAt: input.receivedAt ?? null,
        parse: parsed,
        ignoredBecause: null,
        reviewReasons: [],
        refusal: null,
        accountId: null,
        candidateAccountIds: [],
        similarTransactionIds: [],
        transfer: null,
        externalId: null,
        transactionId: null,
        transferId: null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      };
      if (parsed.kind === 'ignored') {
        // Kept a while so the user can see why nothing was recorded; never spending.
        const ignored: CaptureItem = {
          ...base,
          status: 'ignored',
          ignoredBecause: parsed.reason,
          expiresAt: expiry(now),
        };
        await store.create(userId, ignored);
        return ignored;
      }

      const externalId = captureExternalId(input.text, parsed.reference?.value);
      const duplicate = (transactionId: string | undefined): CaptureItem => ({
        ...base,
        externalId,
        status: 'duplicate',
        transactionId: transactionId ?? null,
        expiresAt: expiry(now),
      });
      const earlier = await store.claimedBy(userId, externalId);
      if (earlier) {
        const capture = duplicate(earlier);
        await store.create(userId, capture);
        return capture;
      }

      const accounts = await store.accounts(userId);
      const matched = accountsMatching(parsed.accountHint?.value, accounts);
      const account = matched.length === 1 ? matched[0] : undefined;
      const reasons: ReviewReason[] = [];
      if (parsed.confidence < RECORD_FROM_CONFIDENCE) reasons.push('low-confidence');
      if (!isComplete(parsed)) reasons.push('incomplete');
      if (matched.length === 0) reasons.push('no-matching-account');
      if (matched.length > 1) reasons.push('several-matching-accounts');
      const date = captureDate(parsed, input.receivedAt, profile.timezone, now);
      const capture: CaptureItem = {
        ...base,
        externalId,
        accountId: account?.accountId ?? null,
        candidateAccountIds: matched.map((candidate) => candidate.accountId),
      };
      const shape = account && isComplete(parsed) ? shapeOf(parsed, account.accountId, date) : undefined;
      if (shape) {
        const nearby = await store.transactionsBetween(
          userId,
          shiftDay(date, -SIMILAR_WITHIN_DAYS),
          shiftDay(date, SIMILAR_WITHIN_DAYS),
        );
        capture.similarTransactionIds = similarTransactions(shape, nearby).map((t) => t.transactionId);
        if (capture.similarTransactionIds.length > 0) reasons.push('possible-duplicate');
        const counterpart = transferCounterpart(shape, nearby);
        if (counterpart) {
          reasons.push('possible-transfer');
          capture.transfer = {
            counterpartAccountId: counterpart.accountId,
            counterpartTransactionId: counterpart.transactionId,
          };
        }
      }
      if (reasons.length > 0 || !account || !isComplete(parsed)) {
        const review = { ...capture, reviewReasons: reasons };
        await store.create(userId, review);
        return review;
      }

      try {
        return await record(userId, profile, bodyOf(parsed, account, date, externalId), capture, undefined, now);
      } catch (error) {
        if (error instanceof ConflictError && error.reason === 'duplicate-external-id') {
          // Raced by the same message: the other capture recorded it.
          const lost = duplicate(error.details?.existingTransactionId as string | undefined);
          await store.create(userId, lost);
          return lost;
        }
        const refusal = refusalOf(error);
        if (refusal === undefined) throw error;
        // A budget in enforce mode, a rate missing for the day, a date out of the window: the user decides.
        const refused: CaptureItem = { ...capture, reviewReasons: ['not-recordable'], refusal };
        await store.create(userId, refused);
        return refused;
      }
    },

    async accept(
      userId: string,
      profile: RecordingProfile,
      captureId: string,
      corrections: CaptureAccept,
      now = new Date(),
    ): Promise<CaptureItem> {
      const capture = await store.get(userId, captureId);
      if (!capture) throw new NotFoundError('capture');
      if (capture.status !== 'needs-review' || capture.parse.kind !== 'transaction') {
        throw new ConflictError('The capture is not waiting for review.', 'capture-not-in-review');
      }
      const parsed = capture.parse;
      const accountId =
        corrections.accountId ??
        capture.accountId ??
        (capture.candidateAccountIds.length === 1 ? capture.candidateAccountIds[0] : undefined);
      if (!accountId) throw new InvalidInput('accountId', 'is required: the message names no single account');
      const direction = parsed.direction?.value;
      const kind = corrections.kind ?? (direction ? kindOf(direction) : undefined);
      if (!kind) throw new InvalidInput('kind', 'is required: the message does not say which way the money went');
      const money = corrections.money ?? parsed.money?.value;
      if (!money || money.amount <= 0) throw new InvalidInput('money', 'is required: the message gives no amount');
      const accountMoney = corrections.money ? undefined : parsed.accountMoney?.value;
      const counterparty = parsed.counterparty?.value;
      const body: CreateTransactionBody = {
        kind,
        accountId,
        money,
        date: corrections.date ?? captureDate(parsed, capture.receivedAt, profile.timezone, now),
        payee: corrections.payee !== undefined ? corrections.payee : payeeOf(counterparty),
        ...(capture.externalId ? { externalId: capture.externalId } : {}),
        ...(corrections.accountAmount !== undefined
          ? { accountAmount: corrections.accountAmount }
          : accountMoney && accountMoney.currency !== money.currency
            ? await accountAmountIfSameCurrency(userId, accountId, accountMoney)
            : {}),
        ...(corrections.categoryId !== undefined ? { categoryId: corrections.categoryId } : {}),
        ...(corrections.note !== undefined ? { note: corrections.note } : {}),
        ...(corrections.tags !== undefined ? { tags: corrections.tags } : {}),
      };
      const next: CaptureItem = { ...capture, updatedAt: now.toISOString(), version: capture.version + 1 };
      try {
        if (corrections.asTransfer) return await recordTransfer(userId, profile, capture, next, body);
        return await record(userId, profile, body, next, capture, now);
      } catch (error) {
        if (error instanceof ConflictError && error.reason === 'duplicate-external-id') {
          // Recorded meanwhile (the same payment's other alert): this one is a duplicate of it.
          await store.transition(userId, capture, {
            ...next,
            status: 'duplicate',
            transactionId: (error.details?.existingTransactionId as string | undefined) ?? null,
            expiresAt: expiry(now),
          });
        }
        throw error;
      }
    },

    async reject(userId: string, captureId: string, now = new Date()): Promise<CaptureItem> {
      const capture = await store.get(userId, captureId);
      if (!capture) throw new NotFoundError('capture');
      if (capture.status !== 'needs-review') {
        throw new ConflictError('The capture is not waiting for review.', 'capture-not-in-review');
      }
      const rejected: CaptureItem = {
        ...capture,
        status: 'rejected',
        updatedAt: now.toISOString(),
        version: capture.version + 1,
        expiresAt: expiry(now),
      };
      await store.transition(userId, capture, rejected);
      return rejected;
    },
  };

  /**
   * Accepts the suggested transfer: the capture's account and the suggested leg's account become
   * the two sides (the capture's direction says which way), and the expense or income recorded for
   * the other leg is replaced by the transfer in the same write.
   */
  async function recordTransfer(
    userId: string,
    profile: RecordingProfile,
    reviewed: CaptureItem,
    next: CaptureItem,
    body: CreateTransactionBody,
  ): Promise<CaptureItem> {
    const suggestion = reviewed.transfer;
    if (!suggestion) throw new InvalidInput('asTransfer', 'is only possible when the capture suggests a transfer');
    const outgoing = body.kind === 'expense';
    const other = suggestion.counterpartAccountId;
    const planned = await recorder.planTransfer(
      userId,
      profile,
      {
        fromAccountId: outgoing ? body.accountId : other,
        toAccountId: outgoing ? other : body.accountId,
        money: body.money,
        ...(body.date ? { date: body.date } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.tags !== undefined ? { tags: body.tags } : {}),
      },
      {
        replacesId: suggestion.counterpartTransactionId,
        ...(reviewed.externalId ? { externalId: { leg: outgoing ? 'out' : 'in', value: reviewed.externalId } } : {}),
      },
      new Date(next.updatedAt),
    );
    const leg = outgoing ? planned.outLeg : planned.inLeg;
    const recorded: CaptureItem = {
      ...next,
      status: 'recorded',
      accountId: body.accountId,
      transactionId: leg.transactionId,
      transferId: leg.transferId,
    };
    delete recorded.expiresAt;
    await recorder.writeTransfer(userId, planned, [store.transitionPut(userId, reviewed, recorded)]);
    return recorded;
  }

  async function accountAmountIfSameCurrency(
    userId: string,
    accountId: string,
    accountMoney: { amount: number; currency: string },
  ): Promise<{ accountAmount?: number }> {
    const account = (await store.accounts(userId)).find((candidate) => candidate.accountId === accountId);
    return account?.currency === accountMoney.currency && accountMoney.amount > 0
      ? { accountAmount: accountMoney.amount }
      : {};
  }
}

/** Why the ledger refused the recording, in a line; undefined for a failure that is not a refusal. */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof ConflictError) return error.reason;
  if (error instanceof DomainError) return error.message;
  if (error instanceof HttpProblem && error.status < 500) {
    const fields = (error.errors ?? []).map((e) => `${e.field} ${e.message}`);
    return fields.length > 0 ? fields.join('; ') : error.slug;
  }
  return undefined;
}

const kindOf = (direction: 'debit' | 'credit') => (direction === 'debit' ? 'expense' : 'income');

function payeeOf(counterparty: string | undefined): string | null {
  const payee = counterparty?.trim().slice(0, MAX_PAYEE_LENGTH).trim();
  return payee ? payee : null;
}

function isComplete(parsed: ParsedTransaction): boolean {
  return parsed.direction !== null && parsed.money !== null && parsed.money.value.amount > 0;
}

function shapeOf(parsed: ParsedTransaction, accountId: string, date: string): CaptureShape {
  return {
    accountId,
    direction: parsed.direction?.value ?? 'debit',
    money: parsed.money?.value ?? { amount: 0, currency: 'XXX' },
    accountMoney: parsed.accountMoney?.value,
    date,
    payee: parsed.counterparty?.value ?? null,
  };
}

/** The transaction a sure capture records: kind from the direction, payee from the counterparty. */
export function bodyOf(
  parsed: ParsedTransaction,
  account: Pick<AccountItem, 'accountId' | 'currency'>,
  date: string,
  externalId: string,
): CreateTransactionBody {
  const money = parsed.money?.value;
  const direction = parsed.direction?.value;
  if (!money || !direction) throw new Error('An incomplete parse is never recorded without review');
  const accountMoney = parsed.accountMoney?.value;
  const foreign = accountMoney && money.currency !== account.currency && accountMoney.currency === account.currency;
  return {
    kind: kindOf(direction),
    accountId: account.accountId,
    money,
    ...(foreign && accountMoney.amount > 0 ? { accountAmount: accountMoney.amount } : {}),
    payee: payeeOf(parsed.counterparty?.value),
    date,
    externalId,
  };
}
