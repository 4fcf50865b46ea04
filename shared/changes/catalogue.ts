/**
 * What the change feed covers: every entity of a user that the API shows and whose changes are
 * domain events, with the events that say it changed, where its item is, and the view its routes
 * return. An entry carries that view as the entity is when the entry is written (read from the
 * table, not taken from the event), so whatever order events arrive in, an entity's last entry
 * shows its latest state.
 *
 * Some fields of a view are not in an entry, each for a stated reason:
 * - running counters that move with other entities' writes and are not published on their own
 *   (an account's balances and transaction count, a category's transaction count, what an invoice
 *   has been paid): they change with every transaction, and carrying them would mean an entry for
 *   the account and the category on every transaction write. A client sums its transactions, or
 *   reads the entity's route;
 * - fields computed from the caller's today at read time (a goal's status and required monthly
 *   amount, an invoice's status): an entry cannot know the day it will be read;
 * - a rule's position: the order is an item of its own, and one reorder moves every rule's;
 * - an attachment's download link: signed for minutes, made for each read.
 */
import { AccountEntity, type AccountItem, toAccountView } from '../accounts/public';
import { AttachmentEntity, type AttachmentItem, toAttachmentView } from '../attachments/public';
import { BudgetEntity, type BudgetItem, toBudgetView } from '../budgets/public';
import { CaptureEntity, type CaptureItem, toCaptureView } from '../captures/public';
import { CategoryEntity, type CategoryItem, toCategoryView } from '../categories/public';
import {
  GoalContributionEntity,
  type GoalContributionItem,
  GoalEntity,
  type GoalItem,
  toContributionView,
  toGoalView,
} from '../goals/public';
import { type Profile, ProfileEntity, toProfileView } from '../identity/public';
import { InvoiceEntity, type InvoiceItem, toInvoiceView } from '../invoices/public';
import type { Key } from '../kit/dynamodb/keys';
import { toPayeeView } from '../payees/public';
import {
  PaymentEntity,
  type PaymentItem,
  SavedMethodEntity,
  type SavedMethodItem,
  toPaymentView,
  toSavedMethodView,
} from '../payments/public';
import { RuleEntity, type RuleItem, toRuleView } from '../rules/public';
import {
  PayeeEntity,
  type PayeeItem,
  TransactionEntity,
  type TransactionItem,
  toTransactionView,
} from '../transactions/public';
import { toWebhookView, WebhookEntity, type WebhookItem } from '../webhooks/public';

type Image = Record<string, unknown>;

export type CoveredEntity = {
  /** The item type stored in the table (the `type` attribute). */
  itemType: string;
  /** The attribute holding the entity's id. */
  idAttribute: string;
  /** The events that say an entity of this type changed. */
  events: readonly string[];
  /** Where the entity's item is, from its user and an image of it (an event's data or previous). */
  key: (userId: string, image: Image) => Key;
  /** The entity as its routes show it, without the fields an entry leaves out (see above). */
  view: (item: Image, today: string) => Record<string, unknown>;
  /** The fields of the route's view an entry leaves out. */
  omitted: readonly string[];
};

const id = (image: Image, attribute: string) => String(image[attribute]);

function without(view: Record<string, unknown>, omitted: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([name]) => !omitted.includes(name)));
}

function covered(
  itemType: string,
  idAttribute: string,
  events: readonly string[],
  key: (userId: string, image: Image) => Key,
  render: (item: never, today: string) => Record<string, unknown>,
  omitted: readonly string[] = [],
): CoveredEntity {
  return {
    itemType,
    idAttribute,
    events,
    key,
    view: (item, today) => without(render(item as never, today), omitted),
    omitted,
  };
}

const crud = (entity: string) => [`${entity}Created`, `${entity}Updated`, `${entity}Deleted`] as const;

/**
 * Feed entity type (as entries and docs/changes.md name it) → how it is covered. `UserDeleted` is
 * not heard: deleting the account erases the whole partition, the feed with it.
 */
export const coveredEntities = {
  profile: covered(
    ProfileEntity.type,
    'userId',
    ['UserSignedUp', 'UserUpdated'],
    (userId) => ProfileEntity.key(userId),
    (item: Profile) => toProfileView(item),
  ),
  account: covered(
    AccountEntity.type,
    'accountId',
    crud('Account'),
    (userId, image) => AccountEntity.key(userId, id(image, 'accountId')),
    (item: AccountItem) => toAccountView(item),
    ['balance', 'clearedBalance', 'reconciledBalance', 'transactionCount'],
  ),
  category: covered(
    CategoryEntity.type,
    'categoryId',
    crud('Category'),
    (userId, image) => CategoryEntity.key(userId, id(image, 'categoryId')),
    (item: CategoryItem) => toCategoryView(item),
    ['transactionCount'],
  ),
  transaction: covered(
    TransactionEntity.type,
    'transactionId',
    crud('Transaction'),
    (userId, image) => TransactionEntity.key(userId, id(image, 'transactionId')),
    (item: TransactionItem) => toTransactionView(item),
  ),
  budget: covered(
    BudgetEntity.type,
    'budgetId',
    crud('Budget'),
    (userId, image) => BudgetEntity.key(userId, id(image, 'budgetId')),
    (item: BudgetItem) => toBudgetView(item),
  ),
  goal: covered(
    GoalEntity.type,
    'goalId',
    crud('Goal'),
    (userId, image) => GoalEntity.key(userId, id(image, 'goalId')),
    (item: GoalItem, today) => toGoalView(item, today),
    ['status', 'requiredMonthly'],
  ),
  goalContribution: covered(
    GoalContributionEntity.type,
    'contributionId',
    ['GoalContributionAdded', 'GoalContributionDeleted'],
    (userId, image) => GoalContributionEntity.key(userId, id(image, 'goalId'), id(image, 'contributionId')),
    (item: GoalContributionItem) => toContributionView(item),
  ),
  invoice: covered(
    InvoiceEntity.type,
    'invoiceId',
    crud('Invoice'),
    (userId, image) => InvoiceEntity.key(userId, id(image, 'invoiceId')),
    (item: InvoiceItem, today) => toInvoiceView(item, today),
    ['status', 'paid', 'open'],
  ),
  payment: covered(
    PaymentEntity.type,
    'paymentId',
    ['PaymentCreated', 'PaymentUpdated'],
    (userId, image) => PaymentEntity.key(userId, id(image, 'paymentId')),
    (item: PaymentItem) => toPaymentView(item),
  ),
  rule: covered(
    RuleEntity.type,
    'ruleId',
    crud('Rule'),
    (userId, image) => RuleEntity.key(userId, id(image, 'ruleId')),
    (item: RuleItem) => toRuleView(item, 0),
    ['position'],
  ),
  payee: covered(
    PayeeEntity.type,
    'payeeId',
    crud('Payee'),
    (userId, image) => PayeeEntity.key(userId, id(image, 'payeeId')),
    (item: PayeeItem) => toPayeeView(item),
    ['transactionCount', 'lastUsedAt'],
  ),
  paymentMethod: covered(
    SavedMethodEntity.type,
    'methodId',
    ['PaymentMethodSaved', 'PaymentMethodDeleted'],
    (userId, image) => SavedMethodEntity.key(userId, id(image, 'payeeId'), id(image, 'methodId')),
    (item: SavedMethodItem) => toSavedMethodView(item),
  ),
  webhook: covered(
    WebhookEntity.type,
    'webhookId',
    crud('Webhook'),
    (userId, image) => WebhookEntity.key(userId, id(image, 'webhookId')),
    (item: WebhookItem) => toWebhookView(item),
    ['consecutiveFailures'],
  ),
  attachment: covered(
    AttachmentEntity.type,
    'attachmentId',
    crud('Attachment'),
    (userId, image) => AttachmentEntity.key(userId, id(image, 'attachmentId')),
    (item: AttachmentItem) => toAttachmentView(item),
    ['download'],
  ),
  capture: covered(
    CaptureEntity.type,
    'captureId',
    crud('Capture'),
    (userId, image) => CaptureEntity.key(userId, id(image, 'captureId')),
    (item: CaptureItem) => toCaptureView(item),
  ),
} as const satisfies Record<string, CoveredEntity>;

export type FeedEntityType = keyof typeof coveredEntities;

export const feedEntityTypes = Object.keys(coveredEntities) as FeedEntityType[];

/** Every event the feed hears, for its consumer's declaration (and so its rule). */
export const changeFeedEvents = [
  'UserSignedUp',
  'UserUpdated',
  'AccountCreated',
  'AccountUpdated',
  'AccountDeleted',
  'CategoryCreated',
  'CategoryUpdated',
  'CategoryDeleted',
  'TransactionCreated',
  'TransactionUpdated',
  'TransactionDeleted',
  'BudgetCreated',
  'BudgetUpdated',
  'BudgetDeleted',
  'GoalCreated',
  'GoalUpdated',
  'GoalDeleted',
  'GoalContributionAdded',
  'GoalContributionDeleted',
  'InvoiceCreated',
  'InvoiceUpdated',
  'InvoiceDeleted',
  'PaymentCreated',
  'PaymentUpdated',
  'RuleCreated',
  'RuleUpdated',
  'RuleDeleted',
  'PayeeCreated',
  'PayeeUpdated',
  'PayeeDeleted',
  'PaymentMethodSaved',
  'PaymentMethodDeleted',
  'WebhookCreated',
  'WebhookUpdated',
  'WebhookDeleted',
  'AttachmentCreated',
  'AttachmentUpdated',
  'AttachmentDeleted',
  'CaptureCreated',
  'CaptureUpdated',
  'CaptureDeleted',
] as const;

/** The feed entity type an event is about. */
export function feedTypeOf(eventName: string): FeedEntityType | undefined {
  return feedEntityTypes.find((type) => coveredEntities[type].events.includes(eventName));
}
