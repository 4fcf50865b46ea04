/**
 * Every operation in the document carries examples: the request body it takes, its success body and
 * one problem+json per error status, and each example holds against the schema it illustrates (the
 * operation's zod schemas, and the Problem schema of the document).
 */
import { buildOpenApiDocument, routeKey } from '../../../shared/app/openapi';
import { operations } from '../../../shared/app/operations';
import type { OperationDeclaration } from '../../../shared/kit/http/operation';
import * as z from '../../../shared/kit/schema';

// biome-ignore lint/suspicious/noExplicitAny: the document is walked like any JSON a client reads
type Json = any;

const document: Json = buildOpenApiDocument();
const declared: OperationDeclaration[] = [...operations];

const documented = (operation: OperationDeclaration): Json =>
  document.paths[operation.path][operation.method.toLowerCase()];

/** The zod issues of `value` against `schema`, as `path: message` lines (empty: it holds). */
function issues(schema: z.Schema, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

describe.each(declared.map((operation) => [routeKey(operation), operation] as const))('%s', (_key, operation) => {
  const op = documented(operation);

  if (operation.request.body) {
    it('has a request example that its body schema accepts', () => {
      const example = op.requestBody.content['application/json'].example;
      expect(example).toBeDefined();
      expect(issues(operation.request.body!(), example)).toEqual([]);
    });
  }

  it('has a success example that its response schema accepts', () => {
    const success = op.responses[String(operation.response.status)];
    if (operation.response.status === 204) {
      expect(success.content).toBeUndefined();
      return;
    }
    const [mediaType] = Object.keys(success.content);
    const example = success.content[mediaType!].example;
    expect(example).toBeDefined();
    expect(example).not.toEqual({});
    if (operation.response.schema) expect(issues(operation.response.schema(), example)).toEqual([]);
    if (operation.response.contentType) expect(typeof example).toBe('string');
  });

  it('has one problem+json example per error status, of that status and a Moneta problem type', () => {
    const statuses = Object.keys(op.responses).filter((status) => Number(status) >= 400);
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) {
      const example = op.responses[status].content['application/problem+json']?.example;
      expect({ status, example }).toEqual({
        status,
        example: expect.objectContaining({
          type: expect.stringMatching(/^urn:moneta:problem:[a-z-]+$/),
          title: expect.any(String),
          status: Number(status),
          instance: expect.stringMatching(/^\/v1\//),
          correlationId: expect.any(String),
        }),
      });
    }
  });
});

test('a 400 example names a field the operation reads', () => {
  const signup = document.paths['/v1/auth/signup'].post;
  const example = signup.responses['400'].content['application/problem+json'].example;
  expect(example.errors).toEqual([expect.objectContaining({ in: 'body', field: 'email' })]);
});
