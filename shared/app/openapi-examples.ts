/**
 * The examples in the OpenAPI document, from the operation declarations: each operation's request
 * body and success body (its declared `examples`, else one derived from its schema with realistic
 * values chosen by field name and format), and one problem+json per error status it declares, built
 * by the same problem types the handlers throw (shared/kit/http/problems.ts).
 * test/unit/docs/openapi-examples.test.ts parses every example with its operation's zod schema, so
 * a derived example that does not hold gets an explicit one on the declaration.
 */
import { STATUS_CODES } from 'node:http';
import type { OperationDeclaration } from '../kit/http/operation';
import {
  AmountOutOfRange,
  Conflict,
  Forbidden,
  HttpProblem,
  InvalidToken,
  NotFound,
  PreconditionFailed,
  problemBody,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnsupportedMediaType,
  ValidationFailed,
} from '../kit/http/problems';

type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** An id as Moneta makes them (a ULID). */
export const EXAMPLE_ID = '01JQ7Z8K5V3N2M4P6R8T0W2Y4A';
const EXAMPLE_CORRELATION_ID = 'c0ffee00-1234-4abc-9def-000000000001';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id of its own for each field name. */
function exampleIdFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  let suffix = '';
  for (let i = 0; i < 6; i++) {
    suffix += CROCKFORD[hash % 32];
    hash = Math.floor(hash / 32);
  }
  return `${EXAMPLE_ID.slice(0, 20)}${suffix}`;
}

/** A realistic string for a field, by its name, format or pattern. */
function exampleString(name: string, schema: JsonSchema): string {
  const format = schema.format as string | undefined;
  const pattern = schema.pattern as string | undefined;
  const lower = name.toLowerCase();
  if (format === 'date-time' || /(At|Time)$/.test(name)) return '2026-03-14T09:30:00.000Z';
  if (format === 'date' || /date$|^(from|to|deadline|start|end)$/i.test(name)) return '2026-03-14';
  if (format === 'email' || lower.includes('email')) return 'ada@example.com';
  if (format === 'uri' || format === 'url' || /url$/i.test(name)) return 'https://example.com/moneta';
  if (pattern === '^[A-Z]{3}$' || /currenc/i.test(name)) return 'EUR';
  if (pattern === '^\\d{6}$' || lower === 'code') return '123456';
  if (pattern === '^\\d{4}-(0[1-9]|1[0-2])$' || lower === 'month' || lower === 'period') return '2026-03';
  if (pattern === '^[0-9]{2,6}$' || lower === 'lastdigits') return '4242';
  if (lower === 'iban') return 'DE89370400440532013000';
  if (lower.includes('password')) return 'Corr3ct-Horse-Battery';
  if (lower === 'timezone') return 'Europe/Berlin';
  if (/token$/i.test(name)) return 'eyJraWQiOiJleGFtcGxlIn0.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl';
  if (lower === 'id') return EXAMPLE_ID;
  // Other ids differ from `id` and from each other (a transfer's two accounts are two).
  if (/Ids?$/.test(name)) return exampleIdFor(name);
  if (lower === 'taxrate') return '21';
  if (lower.includes('rate')) return '1.0825';
  if (lower === 'tags' || lower === 'tag') return 'weekly-shop';
  if (lower === 'refundof') return exampleIdFor(name);
  if (lower === 'contenttype') return 'application/pdf';
  if (lower === 'filename') return 'receipt.pdf';
  if (lower === 'payee' || lower === 'payeename') return 'Green Grocer';
  if (lower === 'name') return 'Groceries';
  if (lower === 'note' || lower === 'notes' || lower === 'description') return 'Weekly shop';
  if (lower === 'phone') return '+49 30 1234567';
  if (lower === 'quantity') return '2';
  if (pattern === '^[A-Za-z0-9_-]+$') return 'groceries';
  return 'example';
}

function exampleNumber(name: string, schema: JsonSchema, integer: boolean): number {
  const min = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
  const max = schema.maximum as number | undefined;
  const lower = name.toLowerCase();
  let value = 1;
  if (lower.includes('amount') || lower === 'total' || lower === 'balance') value = 4250;
  else if (lower === 'limit') value = 20;
  else if (lower.includes('percent') || lower.includes('threshold')) value = 80;
  else if (lower === 'version') value = 1;
  else if (lower === 'year') value = 2026;
  else if (!integer) value = 1.0825;
  if (min !== undefined && value < min) value = schema.exclusiveMinimum !== undefined ? min + 1 : min;
  if (max !== undefined && value > max) value = max;
  return value;
}

/** A value that satisfies `schema`, as realistic as a field's name and format allow. */
/** Optional request fields a typical caller sends; other optional ones are left out of request examples. */
const COMMON_OPTIONAL = new Set(['name', 'note', 'payee', 'categoryId', 'description', 'homeCurrency', 'timezone']);

export function exampleFromSchema(
  schema: JsonSchema | undefined,
  name = '',
  mode: 'request' | 'response' = 'response',
): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if ('const' in schema) return schema.const;
  if ('default' in schema && schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    const nonNull = alternatives.find((alternative) => alternative.type !== 'null') ?? alternatives[0];
    return exampleFromSchema(nonNull, name, mode);
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleFromSchema(part, name, mode)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (mode === 'request' && !required.has(key) && !COMMON_OPTIONAL.has(key)) continue;
        result[key] = exampleFromSchema(property, key, mode);
      }
      // An update whose fields are all optional changes one of them in the example.
      const [first] = Object.entries(schema.properties ?? {});
      if (mode === 'request' && Object.keys(result).length === 0 && first) {
        result[first[0]] = exampleFromSchema(first[1], first[0], mode);
      }
      return result;
    }
    case 'array': {
      const count = Math.max(1, (schema.minItems as number | undefined) ?? 1);
      return Array.from({ length: count }, () => exampleFromSchema(schema.items, name.replace(/s$/, ''), mode));
    }
    case 'string':
      return exampleString(name, schema);
    case 'integer':
      return exampleNumber(name, schema, true);
    case 'number':
      return exampleNumber(name, schema, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      if (schema.properties) return exampleFromSchema({ ...schema, type: 'object' }, name, mode);
      return {};
  }
}

/** The request body example: the declaration's, else one derived from the body's JSON Schema. */
export function requestExample(operation: OperationDeclaration, bodySchema: JsonSchema | undefined): unknown {
  if (operation.examples && 'request' in operation.examples) return operation.examples.request;
  return exampleFromSchema(bodySchema, '', 'request');
}

/** The success body example: the declaration's, else one derived from the response's JSON Schema. */
export function responseExample(operation: OperationDeclaration, responseSchema: JsonSchema | undefined): unknown {
  if (operation.examples && 'response' in operation.examples) return operation.examples.response;
  return exampleFromSchema(responseSchema);
}

/** The field a 400 example names: the body's first required field, else a query or path one. */
function fieldAtFault(operation: OperationDeclaration, bodySchema: JsonSchema | undefined) {
  const bodyField = bodySchema?.required?.[0] ?? Object.keys(bodySchema?.properties ?? {})[0];
  if (bodyField)
    return { in: 'body' as const, field: bodyField, message: 'Invalid input: expected string, received number' };
  const pathField = /\{([^}]+)\}/.exec(operation.path)?.[1];
  if (pathField) return { in: 'path' as const, field: pathField, message: 'Invalid string: must match pattern' };
  return { in: 'query' as const, field: 'limit', message: 'is not a known field' };
}

/** The problem an operation answers with a status, as its handler would throw it. */
function problemFor(
  operation: OperationDeclaration,
  status: number,
  bodySchema: JsonSchema | undefined,
  description: string | undefined,
): HttpProblem {
  const entity = operation.path.split('/')[2]?.replace(/s$/, '') ?? 'resource';
  switch (status) {
    case 400:
      return new ValidationFailed([fieldAtFault(operation, bodySchema)]);
    case 401:
      return operation.auth === 'public' ? new Unauthorized() : new InvalidToken();
    case 403:
      return new Forbidden('This action is not allowed for your account.');
    case 404:
      return new NotFound(entity);
    case 409:
      return new Conflict(`The ${entity} conflicts with its current state.`);
    case 412:
      return new PreconditionFailed();
    case 415:
      return new UnsupportedMediaType();
    case 422:
      return new AmountOutOfRange('money.amount', 'is beyond the range Moneta keeps exactly');
    case 429:
      return new TooManyRequests();
    case 503:
      return new ServiceUnavailable();
    default: {
      // A status no kit problem stands for (a feature's own, e.g. a payment provider's 502).
      const title = STATUS_CODES[status] ?? 'Problem';
      return new HttpProblem(status, title.toLowerCase().replace(/[^a-z]+/g, '-'), title, description);
    }
  }
}

/** One problem+json example for a status an operation declares (500 is the generic internal error). */
export function problemExample(
  operation: OperationDeclaration,
  status: number,
  bodySchema: JsonSchema | undefined,
  description?: string,
): Record<string, unknown> {
  const instance = operation.path.replace(/\{[^}]+\}/g, EXAMPLE_ID);
  if (status === 500) {
    return {
      type: 'urn:moneta:problem:internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side. Quote the correlation id if you contact support.',
      instance,
      correlationId: EXAMPLE_CORRELATION_ID,
    };
  }
  return problemBody(problemFor(operation, status, bodySchema, description), instance, EXAMPLE_CORRELATION_ID);
}
