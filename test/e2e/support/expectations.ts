/** Assertions on what the API answers, shared by the test files. */
import { type ApiResult, describeResult } from './api-client';

/** An RFC 9457 problem with the given status and, when named, those fields among its errors. */
export function expectProblem(result: ApiResult, status: number, fields: string[] = []): void {
  expect({ status: result.status, body: result.text }).toMatchObject({ status });
  expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(result.json).toMatchObject({
    type: expect.stringMatching(/^urn:moneta:problem:/),
    title: expect.any(String),
    status,
    instance: expect.any(String),
    correlationId: expect.any(String),
  });
  const named = ((result.json.errors ?? []) as { field: string }[]).map((error) => error.field);
  for (const field of fields) {
    if (!named.includes(field))
      throw new Error(`Expected the problem to name "${field}"; got ${describeResult(result)}`);
  }
}

/** API Gateway's own refusal (the JWT authorizer), before any function runs. */
export function expectGatewayUnauthorized(result: ApiResult): void {
  expect({ status: result.status, body: result.json }).toEqual({ status: 401, body: { message: 'Unauthorized' } });
}

/** The problem type of a token the API's Lambda authorizer refused. */
export const REFUSED_TOKEN_TYPE = 'urn:moneta:problem:unauthorized';

/**
 * The API's Lambda authorizer said no (a bad, expired or ended token): the route answers the
 * contract's 401 problem with the RFC 6750 challenge, the answer a client refreshes or signs in on.
 */
export function expectAuthorizerRefused(result: ApiResult): void {
  expectProblem(result, 401);
  expect({ type: result.json.type, challenge: result.headers.get('www-authenticate') }).toEqual({
    type: REFUSED_TOKEN_TYPE,
    challenge: 'Bearer error="invalid_token"',
  });
}

export function expectStatus(result: ApiResult, status: number): void {
  // Comparing status and body together puts the server's answer in the failure message.
  expect({ status: result.status, body: result.text }).toMatchObject({ status });
}
