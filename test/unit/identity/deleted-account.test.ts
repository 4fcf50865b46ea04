/**
 * A deleted user's access token stays cryptographically valid until it expires, so API Gateway
 * lets it through. Every authenticated route must then refuse it itself: the caller's profile is
 * gone, and nothing may be read or written for them (a write would survive the erasure, orphaned).
 */
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { type FunctionId, functionSpec } from '../../../lib/catalog/functions';
import { type RouteSpec, routes } from '../../../lib/catalog/routes';
import { ProfileEntity } from '../../../shared/identity/profile';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { bodyFixtures, concretePath, routeKey, takesBody } from '../../e2e/support/route-bodies';
import { conditionFailed } from '../accounts/support';
import { call } from '../support/api';
import { givenProfile } from '../support/signed-up';
import { profileItem } from '../support/stream-records';

type Handler = (event: HttpApiEvent, context: unknown) => Promise<HttpApiResult>;

const db = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => {
  db.reset();
  cognito.reset();
  // The caller has no profile: deleted, and perhaps already erased.
  db.on(GetCommand).resolves({});
});

/**
 * Authenticated routes that act on the caller's Cognito identity rather than on their data, and so
 * must work without a profile: changing the password (Cognito refuses a deleted user's token
 * itself), DELETE /v1/me, whose retry must still reach Cognito when the profile is already gone,
 * and the session routes (signing out, or asking whether a session is valid, needs no account).
 */
const IDENTITY_ROUTES: readonly FunctionId[] = [
  'auth-change-password',
  'auth-logout',
  'auth-logout-all',
  'auth-session',
  'me-delete',
];

const dataRoutes = routes.filter((route) => route.auth === 'jwt' && !IDENTITY_ROUTES.includes(route.function));

async function handlerOf(route: RouteSpec): Promise<Handler> {
  const module = (await import(`../../../${functionSpec(route.function).entry}`)) as { handler: Handler };
  return module.handler;
}

/** Routes whose query names what they list: a valid one, so the account check is what answers. */
const requiredQueries: Record<string, Record<string, string>> = {
  'GET /v1/attachments': { transactionId: '01J0000000000000000000E2E0' },
};

// Upload grants are signed offline; the signature needs a bucket and some credentials.
process.env.FILES_BUCKET ??= 'moneta-test-files';
process.env.AWS_ACCESS_KEY_ID ??= 'test';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test';

/** A request the route would otherwise accept: valid body, path and query. */
function validRequest(route: RouteSpec) {
  const path = concretePath(route);
  const concrete = path.split('/');
  const pathParameters: Record<string, string> = Object.fromEntries(
    route.path
      .split('/')
      .flatMap((segment, index) => (/^\{\w+\}$/.test(segment) ? [[segment.slice(1, -1), concrete[index] ?? '']] : [])),
  );
  return {
    method: route.method,
    path,
    claims: { sub: 'deleted-user', scope: 'aws.cognito.signin.user.admin' },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(takesBody(route) ? { body: bodyFixtures[routeKey(route)]?.valid } : {}),
    ...(requiredQueries[routeKey(route)] ? { queryStringParameters: requiredQueries[routeKey(route)] } : {}),
  };
}

test('only the identity routes and the public ones go without the account check', () => {
  const unchecked = routes.filter((route) => !dataRoutes.includes(route));
  expect(
    unchecked
      .filter((route) => route.auth === 'jwt')
      .map(routeKey)
      .sort(),
  ).toEqual([
    'DELETE /v1/me',
    'GET /v1/auth/session',
    'POST /v1/auth/change-password',
    'POST /v1/auth/logout',
    'POST /v1/auth/logout-all',
  ]);
  expect(dataRoutes.length).toBeGreaterThan(30);
});

describe.each(dataRoutes.map((route) => [routeKey(route), route] as const))('%s', (_key, route) => {
  test('refuses a caller whose profile is gone with 401 account-deleted, touching nothing else', async () => {
    const handler = await handlerOf(route);

    const response = await call(handler, validRequest(route));

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({
      type: 'urn:moneta:problem:account-deleted',
      status: 401,
      instance: concretePath(route),
    });
    // One strongly consistent GetItem of the caller's own profile, and not a single other call.
    expect(db.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetCommand']);
    expect(db.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: 'moneta-test',
      Key: { pk: 'USER#deleted-user', sk: 'PROFILE' },
      ConsistentRead: true,
    });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('for a signed-up caller, the wrapper reads the profile once and the handler reuses it', () => {
  beforeEach(() => {
    // Nothing else exists for the caller: every other read finds nothing, every write succeeds.
    db.on(GetCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(TransactWriteCommand).resolves({});
    db.on(UpdateCommand).rejects(conditionFailed());
    db.on(UpdateCommand, { Key: ProfileEntity.key('user-1') }).resolves({
      Attributes: profileItem({ userId: 'user-1' }),
    });
    // Registered last, so it answers the profile's key (the last matching mock wins).
    givenProfile(db, 'user-1');
    // Cognito accepts the re-authentication and answers the account-security calls.
    cognito.onAnyCommand().resolves({});
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { AccessToken: 'a' } });
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  });

  test.each(dataRoutes.map((route) => [routeKey(route), route] as const))('%s', async (_key, route) => {
    const handler = await handlerOf(route);

    const response = await call(handler, { ...validRequest(route), claims: { sub: 'user-1' } });

    expect(response.body?.type).not.toBe('urn:moneta:problem:account-deleted');
    expect(response.status).toBeLessThan(500);
    const profileReads = db
      .commandCalls(GetCommand)
      .filter((c) => c.args[0].input.Key?.sk === 'PROFILE')
      .map((c) => c.args[0].input);
    expect(profileReads).toEqual([
      { TableName: 'moneta-test', Key: { pk: 'USER#user-1', sk: 'PROFILE' }, ConsistentRead: true },
    ]);
  });
});
