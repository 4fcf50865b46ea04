/**
 * A test-only API of `count` extra routes, to show the stack layout scales (test/infra/limits.test.ts):
 * `perFeature` routes per synthetic feature, each with its own function (read access to the table,
 * like most real routes), all pointing at an existing entry since the tests do not bundle.
 */
import { type FunctionSpec, functionSpec } from '../../../lib/catalog/functions';
import type { RouteSpec } from '../../../lib/catalog/routes';
import type { ExtraApi } from '../../../lib/moneta-stack';

export function syntheticApi(count: number, perFeature = 25): ExtraApi {
  const entry = functionSpec('me-get').entry;
  const functions: FunctionSpec[] = [];
  const routes: RouteSpec<string>[] = [];
  for (let index = 0; index < count; index++) {
    const feature = `synthetic-${Math.floor(index / perFeature) + 1}`;
    const id = `synthetic-op-${index + 1}`;
    functions.push({ id, entry, description: `Synthetic operation ${index + 1}`, table: 'read', feature });
    routes.push({ method: 'GET', path: `/v1/${feature}/op-${index + 1}`, function: id, auth: 'jwt' });
  }
  return { functions, routes };
}
