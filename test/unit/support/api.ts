/**
 * Shared pieces of the auth route tests: real Cognito exception instances (what the SDK throws)
 * and the request-contract checks every JSON route must pass.
 */
import * as cognitoSdk from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { httpEvent, lambdaContext, type ParsedResponse, parseResponse } from './http-event';

/** The exception the SDK would throw for a Cognito error response of that name. */
export function cognitoException(name: string, message = `${name} from Cognito`): Error {
  const ExceptionClass = (cognitoSdk as Record<string, unknown>)[name];
  if (typeof ExceptionClass !== 'function') throw new Error(`No Cognito exception named ${name}`);
  const error = new (ExceptionClass as new (options: unknown) => Error)({ message, $metadata: {} });
  if (!(error instanceof CognitoIdentityProviderServiceException))
    throw new Error(`${name} is not a Cognito exception`);
  return error;
}

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;

export async function call(handler: Handler, input: Parameters<typeof httpEvent>[0]): Promise<ParsedResponse> {
  return parseResponse(await handler(httpEvent(input), lambdaContext()));
}

/** The fields a problem names, in order. */
export function fieldsOf(response: ParsedResponse): string[] {
  return (response.body?.errors ?? []).map((error: { field: string }) => error.field);
}

/**
 * Malformed requests a client can send to any JSON route: each is a 4xx problem naming what is
 * wrong, and none may reach Cognito or the table (`sdkCalls` must stay at zero).
 */
export function describeBodyContract(options: {
  handler: () => Handler;
  method: string;
  path: string;
  validBody: Record<string, unknown>;
  requiredFields: string[];
  claims?: Record<string, string>;
  sdkCalls: () => number;
}) {
  const { method, path, validBody, requiredFields, claims } = options;
  const send = (input: Omit<Parameters<typeof httpEvent>[0] & object, 'method' | 'path' | 'claims'>) =>
    call(options.handler(), { method, path, ...(claims ? { claims } : {}), ...input });

  describe('request contract', () => {
    afterEach(() => expect(options.sdkCalls()).toBe(0));

    test('an unknown field is refused with 400 naming it', async () => {
      const response = await send({ body: { ...validBody, isAdmin: true } });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.body.errors).toContainEqual({ in: 'body', field: 'isAdmin', message: 'is not a known field' });
    });

    test('a body that is not JSON is refused with 400', async () => {
      const response = await send({ body: '{"email": ', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ in: 'body', field: '(root)', message: 'is not valid JSON' }]);
    });

    test('a body that is not application/json is refused with 415', async () => {
      const response = await send({ body: JSON.stringify(validBody), headers: { 'content-type': 'text/plain' } });
      expect(response.status).toBe(415);
      expect(response.body.type).toBe('urn:moneta:problem:unsupported-media-type');
    });

    test('a missing body is refused with 400', async () => {
      const response = await send({});
      expect(response.status).toBe(400);
    });

    if (requiredFields.length > 0) {
      test.each(requiredFields)('a body without %s is refused with 400 naming it', async (field) => {
        const { [field]: _omitted, ...rest } = validBody;
        const response = await send({ body: rest });
        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toContain(field);
      });
    }

    test('an unknown query parameter is refused with 400', async () => {
      const response = await send({ body: validBody, queryStringParameters: { debug: '1' } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ in: 'query', field: 'debug' }));
    });
  });
}
