import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { archivedFilter, queryAll, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import {
  conditionalDelete,
  type VersionedUpdateOptions,
  versionedUpdate,
  versionedUpdateExpression,
} from '../kit/dynamodb/versioned-update';
import { InvalidInput, NotFoundError, VersionMismatch } from '../kit/errors';
import { CategoryEntity, type CategoryItem, categoryItem } from './items';
import type { CategoryCreate, CategoryPatch } from './schemas';

type CategoryDeleteOutcome = 'deleted' | 'not-found' | 'has-subcategories' | 'has-transactions';

/** A new category with no transactions. */
export function newCategoryItem(
  input: Pick<CategoryCreate, 'name' | 'kind'> & { parentId?: string | null | undefined },
  categoryId: string,
  now: string,
): CategoryItem {
  return {
    type: CategoryEntity.type,
    categoryId,
    name: input.name,
    kind: input.kind,
    parentId: input.parentId ?? null,
    transactionCount: 0,
    archived: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The Put of a new category, refusing to overwrite one (the sign-up trigger relies on it). */
export function newCategoryPut(tableName: string, userId: string, category: CategoryItem): GuardedItem {
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: { ...CategoryEntity.key(userId, category.categoryId), ...category },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

const invalidParent = (message: string) => new InvalidInput('parentId', message);

/** Why `parent` cannot hold a subcategory of `kind`, or undefined when it can. */
function parentProblem(parent: CategoryItem | undefined, kind: CategoryItem['kind']): string | undefined {
  if (!parent) return 'is not an existing category';
  if (parent.parentId !== null) return 'must be a top-level category (there is one level of subcategories)';
  if (parent.kind !== kind) return `must be a category of the same kind (${kind})`;
  if (parent.archived) return 'is archived';
  return undefined;
}

export function createCategoryStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  /**
   * Re-checks, inside the write, what was checked on the parent before it: it still exists, is
   * still top level, of the kind, and not archived.
   */
  const parentStillValid = (userId: string, parentId: string, kind: string): GuardedItem => ({
    item: {
      ConditionCheck: {
        TableName: tableName,
        Key: CategoryEntity.key(userId, parentId),
        ConditionExpression:
          'attribute_exists(#pk) AND attribute_type(#parentId, :null) AND #kind = :kind AND #archived = :false',
        ExpressionAttributeNames: { '#pk': 'pk', '#parentId': 'parentId', '#kind': 'kind', '#archived': 'archived' },
        ExpressionAttributeValues: { ':null': 'NULL', ':kind': kind, ':false': false },
      },
    },
    onConditionFailed: () => invalidParent('is no longer a top-level category of this kind'),
  });

  const store = {
    /** Strongly consistent: a GET right after a PATCH shows it. */
    async get(userId: string, categoryId: string): Promise<CategoryItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: CategoryEntity.key(userId, categoryId), ConsistentRead: true }),
      );
      return Item ? categoryItem().parse(Item) : undefined;
    },

    /** Every category of the user (a person has tens, not thousands): one Query, rarely two. */
    async listAll(userId: string): Promise<CategoryItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: CategoryEntity.prefix,
        consistent: true,
      });
      return items.map((item) => categoryItem().parse(item));
    },

    /** A page of the user's categories in id order; archived ones on request. */
    async list(userId: string, options: { includeArchived: boolean; limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: CategoryEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        ...archivedFilter(options.includeArchived),
        consistent: true,
      });
      return { items: page.items.map((item) => categoryItem().parse(item)), last: page.last };
    },

    /**
     * Creates a category (under `parentId` when given) in one transaction with `extra` items (the
     * Idempotency-Key record). Throws 400 naming `parentId` when the parent cannot hold it.
     */
    async create(userId: string, category: CategoryItem, extra: GuardedItem[] = []): Promise<void> {
      const items = [newCategoryPut(tableName, userId, category), ...extra];
      if (category.parentId !== null) {
        const problem = parentProblem(await store.get(userId, category.parentId), category.kind);
        if (problem) throw invalidParent(problem);
        items.push(parentStillValid(userId, category.parentId, category.kind));
      }
      await transactWrite(db, items);
    },

    /**
     * Renames, (un)archives, or moves a category. Moving under a parent is checked (the parent, and
     * that the category has no subcategories of its own) and the parent re-checked in the write;
     * the rest is one conditional UpdateItem. Throws NotFoundError, VersionMismatch or InvalidInput.
     */
    async update(
      userId: string,
      categoryId: string,
      patch: CategoryPatch,
      options: VersionedUpdateOptions,
    ): Promise<CategoryItem> {
      const fields = { name: patch.name, parentId: patch.parentId, archived: patch.archived };
      const newParentId = patch.parentId;
      if (newParentId === undefined || newParentId === null) {
        const outcome = await versionedUpdate(
          db,
          {
            tableName,
            key: CategoryEntity.key(userId, categoryId),
            fields,
            parse: (item) => categoryItem().parse(item),
          },
          options,
        );
        if (outcome.status === 'not-found') throw new NotFoundError('category');
        if (outcome.status === 'version-mismatch') throw new VersionMismatch();
        return outcome.item;
      }

      const all = await store.listAll(userId);
      const current = all.find((category) => category.categoryId === categoryId);
      if (!current) throw new NotFoundError('category');
      if (options.expectedVersions && !options.expectedVersions.includes(current.version)) {
        throw new VersionMismatch();
      }
      if (newParentId === categoryId) throw invalidParent('must not be the category itself');
      const problem = parentProblem(
        all.find((category) => category.categoryId === newParentId),
        current.kind,
      );
      if (problem) throw invalidParent(problem);
      if (all.some((category) => category.parentId === categoryId)) {
        throw invalidParent('cannot be set on a category that has subcategories (one level only)');
      }

      // Conditional on the version read, so the checks above still hold when the write lands
      // (a concurrent change answers 412: read again and retry).
      const update = versionedUpdateExpression(fields, { ...options, expectedVersions: [current.version] });
      await transactWrite(db, [
        {
          item: { Update: { TableName: tableName, Key: CategoryEntity.key(userId, categoryId), ...update } },
          onConditionFailed: (existing) => (existing ? new VersionMismatch() : new NotFoundError('category')),
        },
        parentStillValid(userId, newParentId, current.kind),
      ]);
      return categoryItem().parse({
        ...current,
        ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        updatedAt: options.now,
        version: current.version + 1,
      });
    },

    /**
     * Deletes a category that has neither subcategories nor transactions. The transaction count is
     * a condition of the DeleteItem itself; subcategories are few, so one Query finds them.
     */
    async delete(userId: string, categoryId: string): Promise<CategoryDeleteOutcome> {
      const all = await store.listAll(userId);
      if (!all.some((category) => category.categoryId === categoryId)) return 'not-found';
      if (all.some((category) => category.parentId === categoryId)) return 'has-subcategories';
      const outcome = await conditionalDelete(db, {
        tableName,
        key: CategoryEntity.key(userId, categoryId),
        condition: {
          expression: '#transactionCount = :zero',
          names: { '#transactionCount': 'transactionCount' },
          values: { ':zero': 0 },
        },
      });
      return outcome.status === 'refused' ? 'has-transactions' : (outcome.status as 'deleted' | 'not-found');
    },
  };
  return store;
}
