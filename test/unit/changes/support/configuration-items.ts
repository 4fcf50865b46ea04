/**
 * Stored items (keys included) of the entity types whose changes reached the feed last: rules,
 * payees, saved payment methods, webhooks, attachments, captures. Each is parsed with its item
 * schema, so a fixture that drifts from what the table holds fails where it is built.
 */
import { AttachmentEntity, attachmentItem } from '../../../../shared/attachments/items';
import { CaptureEntity, captureItem } from '../../../../shared/captures/items';
import * as z from '../../../../shared/kit/schema';
import { SavedMethodEntity, savedMethodItem } from '../../../../shared/payments/methods-items';
import { RuleEntity, ruleItem } from '../../../../shared/rules/items';
import { PayeeEntity, payeeItem } from '../../../../shared/transactions/items';
import { WebhookEntity, webhookItem } from '../../../../shared/webhooks/items';

type Stored = Record<string, unknown> & { pk: string; sk: string };

const at = '2026-04-10T09:00:00.000Z';

function stored<S extends z.Schema>(schema: S, key: { pk: string; sk: string }, item: unknown): Stored {
  return { ...key, ...(z.parse(schema, item) as Record<string, unknown>) };
}

export const ruleStored = (userId: string, ruleId: string, overrides: Record<string, unknown> = {}) =>
  stored(ruleItem(), RuleEntity.key(userId, ruleId), {
    type: RuleEntity.type,
    ruleId,
    name: 'Coffee',
    enabled: true,
    match: 'all',
    conditions: [{ field: 'payee', op: 'contains', value: 'coffee' }],
    actions: { categoryId: 'eating-out', payee: null, addTags: [], note: null },
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  });

export const payeeStored = (userId: string, payeeId: string, overrides: Record<string, unknown> = {}) =>
  stored(payeeItem(), PayeeEntity.key(userId, payeeId), {
    type: PayeeEntity.type,
    payeeId,
    name: 'Corner Shop',
    kind: 'merchant',
    defaultCategoryId: null,
    contact: { email: null, phone: null, address: null },
    taxId: null,
    iban: null,
    notes: null,
    transactionCount: 0,
    lastUsedAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  });

export const savedMethodStored = (userId: string, payeeId: string, methodId: string) =>
  stored(savedMethodItem(), SavedMethodEntity.key(userId, payeeId, methodId), {
    type: SavedMethodEntity.type,
    methodId,
    payeeId,
    customerId: 'cus_test',
    methodType: 'card',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: 2030,
    setupIntentId: 'seti_test',
    createdAt: at,
  });

/** A sealed secret as the table holds it (the value is opaque here: it is never opened). */
export const SEALED = 'v1.k1.aXYtaXYtaXYt.c2VhbGVkLXNpZ25pbmctc2VjcmV0.dGFn';

export const webhookStored = (userId: string, webhookId: string, overrides: Record<string, unknown> = {}) =>
  stored(webhookItem(), WebhookEntity.key(userId, webhookId), {
    type: WebhookEntity.type,
    webhookId,
    url: 'https://hooks.example.com/moneta',
    events: ['TransactionCreated'],
    description: null,
    status: 'enabled',
    disabledReason: null,
    disabledAt: null,
    secrets: [{ sealed: SEALED, createdAt: at, retiresAt: null }],
    consecutiveFailures: 0,
    failingSince: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  });

export const attachmentStored = (userId: string, attachmentId: string, overrides: Record<string, unknown> = {}) =>
  stored(attachmentItem(), AttachmentEntity.key(userId, attachmentId), {
    type: AttachmentEntity.type,
    attachmentId,
    ownerKind: 'transaction',
    ownerId: 'txn-1',
    fileName: 'receipt.pdf',
    contentType: 'application/pdf',
    size: 2048,
    fileKey: `attachments/${userId}/${attachmentId}`,
    status: 'pending',
    createdAt: at,
    uploadedAt: null,
    version: 1,
    ...overrides,
  });

export const captureStored = (userId: string, captureId: string, overrides: Record<string, unknown> = {}) =>
  stored(captureItem(), CaptureEntity.key(userId, captureId), {
    type: CaptureEntity.type,
    captureId,
    status: 'needs-review',
    text: 'You spent EUR 12.50 at CORNER SHOP with card *1234',
    source: 'sms',
    sender: 'BANK',
    receivedAt: at,
    parse: { kind: 'ignored', reason: 'promotion' },
    ignoredBecause: null,
    reviewReasons: ['low-confidence'],
    refusal: null,
    accountId: null,
    candidateAccountIds: [],
    similarTransactionIds: [],
    transfer: null,
    externalId: null,
    transactionId: null,
    transferId: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  });
