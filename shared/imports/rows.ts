/**
 * What one chunk does with each row: report it once, and record it when it is new.
 *
 * For each entry of the chunk whose report item does not exist yet:
 *   - an unreadable line → `failed` with the parser's reason;
 *   - its externalId claimed (the file's own id, or the row identity of ./identity.ts) →
 *     `duplicate`, naming the transaction that holds the claim;
 *   - no id of its own, and an earlier transaction alike (./dedupe.ts) → `needs-review`, naming it,
 *     not recorded;
 *   - otherwise the transaction is recorded as POST /v1/transactions records one (rules applied,
 *     budgets guarding), its report item `created` in the same TransactWriteItems.
 *
 * Undo, per created row not undone yet: the transaction is deleted through the ledger's delete
 * (balances, counts and the externalId claim follow; budgets follow from the stream) with the
 * row's `undo` mark in the same transaction, unless it was edited since (./undo.ts).
 */

import { ConflictError, DomainError, NotFoundError } from '../kit/errors';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import type { RuleEngine } from '../rules/public';
import {
  type CreateTransactionBody,
  createTransactionBody,
  planDelete,
  type RecordingProfile,
  StaleTransaction,
  type TransactionRecorder,
  type TransactionStore,
} from '../transactions/public';
import { type Candidate, fuzzyCandidate, fuzzyWindow } from './dedupe';
import type { RowFailure, StatementRow } from './formats/types';
import type { ImportItem, ImportRowItem, RowStatus } from './items';
import { type ImportStore, RowAlreadyReported } from './store';
import { transactionFingerprint, undoDecision } from './undo';

/** One entry of a parsed statement: a row with its externalId, or a line that could not be read. */
export type Entry =
  | { line: number; row: StatementRow; externalId: string; fromFile: boolean; reason?: undefined; skipped?: undefined }
  | (RowFailure & { row?: undefined; skipped?: true });

export type RowDeps = {
  store: ImportStore;
  recorder: Pick<TransactionRecorder, 'plan' | 'write'>;
  rules: Pick<RuleEngine, 'forCreate'>;
};

export type UndoDeps = {
  store: ImportStore;
  transactions: Pick<TransactionStore, 'get' | 'apply'>;
};

const MAX_PAYEE = 100;
const MAX_NOTE = 500;
const clip = (text: string | null, max: number) => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
};

function baseRow(job: ImportItem, index: number, entry: Entry, now: string): Omit<ImportRowItem, 'status'> {
  return {
    type: 'IMPORTROW',
    importId: job.importId,
    index,
    line: entry.line,
    date: entry.row?.date ?? null,
    amount: entry.row?.amount ?? null,
    currency: entry.row?.currency ?? null,
    payee: entry.row ? clip(entry.row.payee, MAX_PAYEE) : null,
    externalId: entry.row ? entry.externalId : null,
    transactionId: null,
    reason: null,
    fingerprint: null,
    undo: null,
    createdAt: now,
  };
}

/** Date windows of the rows without ids, merged where they overlap, to read candidates once per window. */
function mergedWindows(rows: readonly StatementRow[]): { from: string; to: string }[] {
  const windows = rows.map((row) => fuzzyWindow(row.date)).sort((a, b) => a.from.localeCompare(b.from));
  const merged: { from: string; to: string }[] = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (!last || window.from > last.to) merged.push({ ...window });
    else if (window.to > last.to) last.to = window.to;
  }
  return merged;
}

export async function reportChunk(
  deps: RowDeps,
  input: {
    userId: string;
    job: ImportItem;
    profile: RecordingProfile;
    entries: readonly Entry[];
    from: number;
    to: number;
    now: Date;
  },
): Promise<void> {
  const { userId, job, profile, entries, from, to, now } = input;
  const stamp = now.toISOString();
  const reported = new Set((await deps.store.rowsBetween(userId, job.importId, from, to)).map((row) => row.index));
  const pending = entries
    .slice(from, to)
    .map((entry, offset) => ({ entry, index: from + offset }))
    .filter(({ index }) => !reported.has(index));
  if (pending.length === 0) return;

  const withRows = pending.flatMap(({ entry, index }) => (entry.row ? [{ entry, row: entry.row, index }] : []));
  const claims = await deps.store.claims(
    userId,
    withRows.map(({ entry }) => entry.externalId as string),
  );
  const unclaimedWithoutId = withRows.filter(({ entry }) => !entry.fromFile && !claims.has(entry.externalId as string));
  const candidates: Candidate[] = [];
  for (const window of mergedWindows(unclaimedWithoutId.map(({ row }) => row))) {
    candidates.push(...(await deps.store.accountTransactions(userId, job.accountId, window.from, window.to)));
  }

  const fileExternalIds = new Set(entries.flatMap((entry) => (entry.row ? [entry.externalId] : [])));
  const report = (index: number, entry: Entry, status: RowStatus, fields: Partial<ImportRowItem> = {}) =>
    deps.store.putRow(userId, { ...baseRow(job, index, entry, stamp), status, ...fields });

  for (const { entry, index } of pending) {
    if (!entry.row) {
      await report(index, entry, entry.skipped ? 'skipped' : 'failed', { reason: entry.reason });
      continue;
    }
    const externalId = entry.externalId as string;
    const claimed = claims.get(externalId);
    if (claimed) {
      await report(index, entry, 'duplicate', { transactionId: claimed });
      continue;
    }
    if (!entry.fromFile) {
      // Never a transaction recorded from this file: a row is not its own file's duplicate.
      const candidate = fuzzyCandidate(entry.row, candidates, fileExternalIds);
      if (candidate) {
        await report(index, entry, 'needs-review', {
          transactionId: candidate.transactionId,
          note: clip(entry.row.note, MAX_NOTE),
        });
        continue;
      }
    }
    await record(deps, { userId, job, profile, entry, index, now, report });
  }
}

/** What a statement line (or a reviewed report row) records: the body POST /v1/transactions takes. */
export function statementTransaction(
  job: Pick<ImportItem, 'accountId'>,
  line: {
    amount: number;
    currency: string;
    payee: string | null;
    note?: string | null;
    date: string;
    externalId: string;
  },
): { success: true; data: CreateTransactionBody } | { success: false; reason: string } {
  const candidate = {
    kind: line.amount < 0 ? 'expense' : 'income',
    accountId: job.accountId,
    money: { amount: Math.abs(line.amount), currency: line.currency },
    payee: clip(line.payee, MAX_PAYEE),
    note: clip(line.note ?? null, MAX_NOTE),
    date: line.date,
    externalId: line.externalId,
    // A statement line is what the bank already shows.
    status: 'cleared',
  };
  const parsed = z.safeParse(createTransactionBody(), candidate);
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    success: false,
    reason: `${issue?.path.map(String).join('.') || 'row'} ${issue?.message ?? 'is not valid'}`,
  };
}

async function record(
  deps: RowDeps,
  input: {
    userId: string;
    job: ImportItem;
    profile: RecordingProfile;
    entry: Entry & { row: StatementRow };
    index: number;
    now: Date;
    report: (index: number, entry: Entry, status: RowStatus, fields?: Partial<ImportRowItem>) => Promise<unknown>;
  },
): Promise<void> {
  const { userId, job, profile, entry, index, now, report } = input;
  const parsed = statementTransaction(job, { ...entry.row, externalId: entry.externalId as string });
  if (!parsed.success) {
    await report(index, entry, 'failed', { reason: parsed.reason });
    return;
  }
  try {
    const body: CreateTransactionBody = await deps.rules.forCreate(userId, parsed.data);
    const planned = await deps.recorder.plan(userId, profile, body, now);
    const created: ImportRowItem = {
      ...baseRow(job, index, entry, now.toISOString()),
      status: 'created',
      transactionId: planned.item.transactionId,
      fingerprint: transactionFingerprint(planned.item),
    };
    await deps.recorder.write(userId, planned, [deps.store.rowPut(userId, created)]);
  } catch (error) {
    if (error instanceof RowAlreadyReported) return;
    if (error instanceof ConflictError && error.reason === 'duplicate-external-id') {
      // Claimed since the claims were read: by an earlier row of this file with the same id, or
      // by a concurrent delivery of this chunk (whose report item then stands).
      const existing = error.details?.existingTransactionId;
      await report(index, entry, 'duplicate', { transactionId: typeof existing === 'string' ? existing : null });
      return;
    }
    const reason = rowFailure(error);
    if (reason === undefined) throw error;
    await report(index, entry, 'failed', { reason });
  }
}

const MAX_UNDO_ATTEMPTS = 3;

export async function undoChunk(
  deps: UndoDeps,
  input: { userId: string; rows: readonly ImportRowItem[]; now: Date },
): Promise<void> {
  const { userId, rows, now } = input;
  for (const row of rows) {
    if (row.status !== 'created' || row.undo !== null || row.transactionId === null) continue;
    for (let attempt = 1; ; attempt++) {
      const current = await deps.transactions.get(userId, row.transactionId);
      const outcome = undoDecision(row.fingerprint, current);
      try {
        if (outcome === 'removed' && current) {
          await deps.transactions.apply(userId, {
            deleted: [current],
            ...planDelete([current]),
            now: now.toISOString(),
            extra: [deps.store.undoWrite(userId, row, 'removed')],
          });
        } else {
          await deps.store.setUndo(userId, row, outcome);
        }
        break;
      } catch (error) {
        if (error instanceof RowAlreadyReported) break;
        // Edited or deleted between our read and our delete: decide again on what is there now.
        const raced = error instanceof StaleTransaction || error instanceof NotFoundError;
        if (!raced || attempt >= MAX_UNDO_ATTEMPTS) throw error;
      }
    }
  }
}

/** The reason a row could not be recorded, as the report shows it: the domain's words, no stack. */
export function rowFailure(error: unknown): string | undefined {
  if (error instanceof ConflictError) return `${error.reason}: ${error.detail}`;
  if (error instanceof HttpProblem) {
    const field = error.errors?.[0];
    return field ? `${field.field} ${field.message}` : (error.detail ?? error.title);
  }
  if (error instanceof DomainError) return error.message;
  return undefined;
}
