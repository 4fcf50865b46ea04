/**
 * The request's correlation id (shared/kit/http/api-handler.ts): the caller's `x-correlation-id`
 * when it is acceptable, else API Gateway's request id. Problems quote it, and every write the
 * request makes carries it.
 */
import { type HttpApiEvent, problemResponse, requestCorrelationId } from '../../../../shared/kit/http/api-handler';
import { ValidationFailed } from '../../../../shared/kit/http/problems';

const request = (headers: Record<string, string> = {}) =>
  ({ headers, rawPath: '/v1/audit', requestContext: { requestId: 'gw-request-1' } }) as unknown as HttpApiEvent;

test("a valid x-correlation-id is the request's correlation id, and problems quote it", () => {
  const event = request({ 'x-correlation-id': 'checkout-2026.03:01_a-b' });
  expect(requestCorrelationId(event)).toBe('checkout-2026.03:01_a-b');
  const problem = problemResponse(new ValidationFailed([{ in: 'query', field: 'from', message: 'x' }]), event);
  expect(JSON.parse(problem.body as string).correlationId).toBe('checkout-2026.03:01_a-b');
});

test("without one, or with one that could carry anything into logs and items, it is the gateway's request id", () => {
  expect(requestCorrelationId(request())).toBe('gw-request-1');
  for (const refused of ['', 'a b', 'x'.repeat(129), 'name\n{"level":"ERROR"}', 'ümlaut', '<script>']) {
    expect(requestCorrelationId(request({ 'x-correlation-id': refused }))).toBe('gw-request-1');
  }
});
