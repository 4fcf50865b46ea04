/**
 * Type-level checks, run by `npm run typecheck` (tsc --noEmit covers test/): a handler's request is
 * built from its declaration, so reading a header the declaration lacks does not compile. Each
 * `@ts-expect-error` below fails the typecheck if the line it marks ever compiles.
 */
import { userRoute } from '../../../../shared/identity/public';
import { type IdentityRequest, route } from '../../../../shared/kit/http/api-handler';
import { idempotencyKeyFrom } from '../../../../shared/kit/http/idempotency';
import {
  defineOperation,
  idempotencyKeyHeader,
  ifMatchHeader,
  noParams,
  type OperationRequest,
} from '../../../../shared/kit/http/operation';

const withIfMatch = defineOperation({
  function: 'typed-if-match',
  feature: 'test',
  entry: 'test/unit/api/operation-types.test.ts',
  method: 'PATCH',
  path: '/v1/typed/{id}',
  auth: 'user',
  functionDescription: 'Typed',
  summary: 'Typed',
  request: { query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 204, description: 'Done' },
});

const withoutHeaders = defineOperation({
  function: 'typed-none',
  feature: 'test',
  entry: 'test/unit/api/operation-types.test.ts',
  method: 'POST',
  path: '/v1/typed',
  auth: 'identity',
  functionDescription: 'Typed',
  summary: 'Typed',
  request: { query: noParams },
  response: { status: 204, description: 'Done' },
});

const withKey = defineOperation({
  ...withoutHeaders,
  request: { query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
});

function typeChecks(request: OperationRequest<typeof withIfMatch>, bare: IdentityRequest<typeof withoutHeaders>) {
  const declared: string | undefined = request.headers['if-match'];
  // @ts-expect-error Idempotency-Key is not declared by this operation
  request.headers['idempotency-key'];
  // @ts-expect-error nor is any other header
  request.headers.authorization;
  // @ts-expect-error an operation without headers has none to read
  bare.headers['if-match'];
  // @ts-expect-error the Idempotency-Key helper needs the header declared
  idempotencyKeyFrom(bare.headers);
  // @ts-expect-error headers cannot be written
  request.headers['if-match'] = 'x';
  return declared;
}

const handlers = () => [
  userRoute(withIfMatch, async ({ headers, profile }) => ({
    status: 204,
    body: [headers['if-match'], profile.userId],
  })),
  route(withKey, async ({ headers, userId }) => ({ status: 204, body: [idempotencyKeyFrom(headers), userId] })),
  // @ts-expect-error a user operation needs the profile check: userRoute, not route
  route(withIfMatch, async () => ({ status: 204 })),
  // @ts-expect-error an identity operation has no profile to load
  userRoute(withoutHeaders, async () => ({ status: 204 })),
  // @ts-expect-error the handler cannot read an undeclared header through the request either
  userRoute(withIfMatch, async ({ headers }) => ({ status: 200, body: headers['x-forwarded-for'] })),
];

test('the type-level checks above are compiled by npm run typecheck', () => {
  expect(typeof typeChecks).toBe('function');
  expect(typeof handlers).toBe('function');
});
