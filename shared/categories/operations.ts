/** The category routes, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { pageOf, timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { categoryItem } from './items';
import { categoryCreateSchema, categoryListQuery, categoryPatchSchema } from './schemas';

/** The documented response shape, built on first use (documentation and tests only). */
export const categoryView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: categoryItem().shape.kind,
    parentId: z.nullable(z.string()),
    transactionCount: z.int().check(z.nonnegative()),
    archived: z.boolean(),
    ...timestampFields(),
  }),
);

export const categoriesCreate = defineOperation({
  function: 'categories-create',
  feature: 'categories',
  entry: 'functions/api/categories/create.ts',
  method: 'POST',
  path: '/v1/categories',
  auth: 'user',
  functionDescription: 'Creates a category or subcategory',
  summary: 'Create a category or subcategory',
  grants: { table: 'readWrite' },
  request: { body: categoryCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new category', schema: categoryView, etag: true, location: true },
  problems: [404, 422],
});

export const categoriesList = defineOperation({
  function: 'categories-list',
  feature: 'categories',
  entry: 'functions/api/categories/list.ts',
  method: 'GET',
  path: '/v1/categories',
  auth: 'user',
  functionDescription: "Lists the caller's categories",
  summary: "List the caller's categories",
  grants: { table: 'read' },
  request: { query: categoryListQuery },
  response: { status: 200, description: 'A page of categories', schema: () => pageOf(categoryView()) },
});

export const categoriesGet = defineOperation({
  function: 'categories-get',
  feature: 'categories',
  entry: 'functions/api/categories/get.ts',
  method: 'GET',
  path: '/v1/categories/{id}',
  auth: 'user',
  functionDescription: 'Reads a category',
  summary: 'Read a category (archived ones too)',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The category', schema: categoryView, etag: true },
  problems: [404],
});

export const categoriesUpdate = defineOperation({
  function: 'categories-update',
  feature: 'categories',
  entry: 'functions/api/categories/update.ts',
  method: 'PATCH',
  path: '/v1/categories/{id}',
  auth: 'user',
  functionDescription: 'Renames, re-parents or archives a category',
  summary: 'Rename, move, archive or unarchive a category',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: categoryPatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed category', schema: categoryView, etag: true },
  problems: [404, 409, 412, 422],
});

export const categoriesDelete = defineOperation({
  function: 'categories-delete',
  feature: 'categories',
  entry: 'functions/api/categories/delete.ts',
  method: 'DELETE',
  path: '/v1/categories/{id}',
  auth: 'user',
  functionDescription: 'Deletes an unused category',
  summary: 'Delete a category without subcategories or transactions',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 409],
});

export const categoriesOperations = [
  categoriesCreate,
  categoriesList,
  categoriesGet,
  categoriesUpdate,
  categoriesDelete,
] as const;
