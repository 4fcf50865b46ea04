import type { CategoryItem } from './items';
import { CategoryEntity } from './items';

/**
 * The categories every user starts with, written with the profile at sign-up. Their ids are fixed
 * slugs (never ULIDs, so they cannot collide with categories made later): a retried sign-up
 * trigger writes the same keys, and its conditional Puts write nothing twice.
 */

type DefaultCategory = {
  id: string;
  name: string;
  kind: CategoryItem['kind'];
  children?: { id: string; name: string }[];
};

// biome-ignore format: a tree reads better as a tree
export const defaultCategoryTree: readonly DefaultCategory[] = [
  { id: 'housing', name: 'Housing', kind: 'expense', children: [
    { id: 'rent', name: 'Rent' },
    { id: 'utilities', name: 'Utilities' },
  ] },
  { id: 'food', name: 'Food', kind: 'expense', children: [
    { id: 'groceries', name: 'Groceries' },
    { id: 'restaurants', name: 'Restaurants' },
  ] },
  { id: 'transport', name: 'Transport', kind: 'expense' },
  { id: 'health', name: 'Health', kind: 'expense' },
  { id: 'shopping', name: 'Shopping', kind: 'expense' },
  { id: 'entertainment', name: 'Entertainment', kind: 'expense' },
  { id: 'travel', name: 'Travel', kind: 'expense' },
  { id: 'education', name: 'Education', kind: 'expense' },
  { id: 'gifts-donations', name: 'Gifts & donations', kind: 'expense' },
  { id: 'fees-charges', name: 'Fees & charges', kind: 'expense' },
  { id: 'salary', name: 'Salary', kind: 'income' },
  { id: 'business', name: 'Business', kind: 'income' },
  { id: 'interest-dividends', name: 'Interest & dividends', kind: 'income' },
  { id: 'gifts-received', name: 'Gifts received', kind: 'income' },
  { id: 'refunds', name: 'Refunds', kind: 'income' },
  { id: 'other-income', name: 'Other income', kind: 'income' },
];

/** The default categories as items, parents before their children. */
export function defaultCategories(now: string): CategoryItem[] {
  const item = (id: string, name: string, kind: CategoryItem['kind'], parentId: string | null): CategoryItem => ({
    type: CategoryEntity.type,
    categoryId: id,
    name,
    kind,
    parentId,
    transactionCount: 0,
    archived: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  return defaultCategoryTree.flatMap((top) => [
    item(top.id, top.name, top.kind, null),
    ...(top.children ?? []).map((child) => item(child.id, child.name, top.kind, top.id)),
  ]);
}
