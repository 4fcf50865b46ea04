/**
 * Every domain event Moneta publishes: its name, the item it comes from, and its zod schema.
 *
 * Events are born in one place only: the stream publisher turns a stream record of a domain item
 * into the event named here. Consumers parse with the same schemas. A new event is a row in
 * `domainItems` and one in `eventSchemas`; nothing else needs to learn a new name.
 */
import * as z from 'zod';
import { AccountEntity, accountItem } from '../accounts/items';
import { BudgetAlertEntity, BudgetEntity, budgetAlertItem, budgetItem } from '../budgets/items';
import { CategoryEntity, categoryItem } from '../categories/items';
import {
  GOAL_ACHIEVED_TYPE,
  GoalContributionEntity,
  GoalEntity,
  GoalMilestoneEntity,
  goalContributionItem,
  goalItem,
  goalMilestoneItem,
} from '../goals/items';
import { ProfileEntity, profileSchema } from '../identity/profile';
import { TransactionEntity, transactionItem } from '../transactions/items';

export const EVENT_SOURCE = 'moneta';

/** Stream event names (INSERT/MODIFY/REMOVE) → event names, per item type that is a domain fact. */
export const domainItems = {
  [ProfileEntity.type]: {
    idAttribute: 'userId',
    INSERT: 'UserSignedUp',
    MODIFY: 'UserUpdated',
    REMOVE: 'UserDeleted',
  },
  [AccountEntity.type]: {
    idAttribute: 'accountId',
    INSERT: 'AccountCreated',
    MODIFY: 'AccountUpdated',
    REMOVE: 'AccountDeleted',
  },
  [CategoryEntity.type]: {
    idAttribute: 'categoryId',
    INSERT: 'CategoryCreated',
    MODIFY: 'CategoryUpdated',
    REMOVE: 'CategoryDeleted',
  },
  [TransactionEntity.type]: {
    idAttribute: 'transactionId',
    INSERT: 'TransactionCreated',
    MODIFY: 'TransactionUpdated',
    REMOVE: 'TransactionDeleted',
  },
  [BudgetEntity.type]: {
    idAttribute: 'budgetId',
    INSERT: 'BudgetCreated',
    MODIFY: 'BudgetUpdated',
    REMOVE: 'BudgetDeleted',
  },
  /** Facts derived by the budget evaluator: written once, never changed. */
  [BudgetAlertEntity.type]: { idAttribute: 'alertId', INSERT: 'BudgetThresholdCrossed' },
  [GoalEntity.type]: {
    idAttribute: 'goalId',
    INSERT: 'GoalCreated',
    MODIFY: 'GoalUpdated',
    REMOVE: 'GoalDeleted',
  },
  [GoalContributionEntity.type]: {
    idAttribute: 'contributionId',
    INSERT: 'GoalContributionAdded',
    REMOVE: 'GoalContributionDeleted',
  },
  /** Facts derived by the goal tracker: written once, never changed. */
  [GoalMilestoneEntity.type]: { idAttribute: 'milestoneId', INSERT: 'GoalMilestoneReached' },
  [GOAL_ACHIEVED_TYPE]: { idAttribute: 'milestoneId', INSERT: 'GoalAchieved' },
} as const satisfies Record<string, { idAttribute: string; INSERT?: string; MODIFY?: string; REMOVE?: string }>;

export type DomainItemType = keyof typeof domainItems;

/** Fields every event detail carries. Deduplicate on `sourceEventId`, never on the envelope id. */
const detailBase = z.object({
  /** The DynamoDB stream record's eventID: stable across publisher retries. */
  sourceEventId: z.string().min(1),
  userId: z.string().min(1),
  /** The entity's own id (for a user, the user id). */
  id: z.string().min(1),
  version: z.number().int().nonnegative(),
  occurredAt: z.iso.datetime({ offset: true }),
});

const created = <T extends z.ZodType>(data: T) => detailBase.extend({ data });
const updated = <T extends z.ZodType>(data: T) => detailBase.extend({ data, previous: data });
const deleted = <T extends z.ZodType>(data: T) => detailBase.extend({ previous: data });

export const eventSchemas = {
  UserSignedUp: created(profileSchema),
  UserUpdated: updated(profileSchema),
  UserDeleted: deleted(profileSchema),
  AccountCreated: created(accountItem),
  AccountUpdated: updated(accountItem),
  AccountDeleted: deleted(accountItem),
  CategoryCreated: created(categoryItem),
  CategoryUpdated: updated(categoryItem),
  CategoryDeleted: deleted(categoryItem),
  TransactionCreated: created(transactionItem),
  TransactionUpdated: updated(transactionItem),
  TransactionDeleted: deleted(transactionItem),
  BudgetCreated: created(budgetItem),
  BudgetUpdated: updated(budgetItem),
  BudgetDeleted: deleted(budgetItem),
  BudgetThresholdCrossed: created(budgetAlertItem),
  GoalCreated: created(goalItem),
  GoalUpdated: updated(goalItem),
  GoalDeleted: deleted(goalItem),
  GoalContributionAdded: created(goalContributionItem),
  GoalContributionDeleted: deleted(goalContributionItem),
  GoalMilestoneReached: created(goalMilestoneItem),
  GoalAchieved: created(goalMilestoneItem.extend({ type: z.literal('GOAL_ACHIEVED') })),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventDetail<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
