/**
 * Typed errors that domain and handler code throw, and their RFC 9457 problem+json form.
 * One mapping (./api-handler.ts) turns them into responses; nothing else writes error bodies.
 * Domain errors (../errors.ts) become problems through the one table below (`asProblem`).
 */

import { ConflictError, type InputLocation, InvalidInput, NotFoundError, OutOfRange, VersionMismatch } from '../errors';
import type * as z from '../schema';

export type FieldLocation = InputLocation;

type FieldError = { in: FieldLocation; field: string; message: string };

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** Short slug, also the last part of the problem `type` URI. */
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem body (e.g. which budget, by how much). */
    readonly extensions?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends HttpProblem {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'validation-failed', 'Your request is not valid', detail, errors);
  }
}
export class Unauthorized extends HttpProblem {
  constructor(detail = 'Authentication failed.') {
    super(401, 'unauthorized', 'Unauthorized', detail, undefined, undefined, { 'www-authenticate': 'Bearer' });
  }
}
/**
 * The API's authorizer refused the credential: not a token of ours, expired, its session ended by
 * a logout or a logout-all, or an API token that is unknown, deleted or expired. Which of these is
 * not said: the client's answer is the same (refresh the access token, else sign in again).
 */
export class InvalidToken extends HttpProblem {
  constructor() {
    super(
      401,
      'unauthorized',
      'Unauthorized',
      'The token is invalid or expired, or its session has ended: refresh it, or sign in again.',
      undefined,
      undefined,
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }
}
/**
 * The token is valid but its user's account was deleted (the profile is gone). Access tokens live
 * until they expire, so every authenticated route refuses them this way (shared/kit/http/api-handler.ts).
 */
export class AccountDeleted extends HttpProblem {
  constructor() {
    super(
      401,
      'account-deleted',
      'Account deleted',
      'This account has been deleted; its tokens no longer give access to anything.',
      undefined,
      undefined,
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }
}
export class Forbidden extends HttpProblem {
  constructor(detail: string, slug = 'forbidden') {
    super(403, slug, 'Forbidden', detail);
  }
}
export class NotFound extends HttpProblem {
  constructor(what = 'resource') {
    super(404, 'not-found', 'Not found', `The ${what} does not exist.`);
  }
}
export class Conflict extends HttpProblem {
  constructor(detail: string, extensions?: Record<string, unknown>, slug = 'conflict') {
    super(409, slug, 'Conflict', detail, undefined, extensions);
  }
}
/**
 * 422: an amount the write would store, or a total it would move, leaves ±(2^53 − 1) minor units
 * (the integers JSON numbers carry exactly); nothing was written.
 */
export class AmountOutOfRange extends HttpProblem {
  constructor(field: string, message: string, location: FieldLocation = 'body') {
    super(
      422,
      'amount-out-of-range',
      'Amount out of range',
      `Moneta keeps every amount and total within ±${Number.MAX_SAFE_INTEGER} minor units; this write would leave that range, and nothing was recorded.`,
      [{ in: location, field, message }],
    );
  }
}
export class PreconditionFailed extends HttpProblem {
  constructor(detail = 'The resource changed since you read it; fetch it again and retry.') {
    super(412, 'precondition-failed', 'Precondition failed', detail);
  }
}
export class UnsupportedMediaType extends HttpProblem {
  constructor() {
    super(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as application/json.');
  }
}
export class TooManyRequests extends HttpProblem {
  constructor(detail = 'Too many requests; wait a moment and retry.') {
    super(429, 'too-many-requests', 'Too many requests', detail);
  }
}
export class ServiceUnavailable extends HttpProblem {
  constructor(detail = 'A service Moneta depends on is unavailable; retry later.') {
    super(503, 'service-unavailable', 'Service unavailable', detail, undefined, undefined, { 'retry-after': '5' });
  }
}

/** Turns a ZodError into field errors: `amount.currency`, `items.2.name`, … */
export function fieldErrorsFromZod(error: z.core.$ZodError, location: FieldLocation): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    // Zod reports unknown keys once for the object that holds them; name each key instead.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: location,
        field: path ? `${path}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    return [{ in: location, field: path || '(root)', message: issue.message }];
  });
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemBody(problem: HttpProblem, instance: string, correlationId: string) {
  return {
    type: `urn:moneta:problem:${problem.slug}`,
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance,
    correlationId,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  };
}

/** Each domain error's problem: same status, type, title, fields and members as the API has always answered. */
const domainProblems: [abstract new (...args: never[]) => Error, (error: never) => HttpProblem][] = [
  [NotFoundError, (error: NotFoundError) => new NotFound(error.entity)],
  [VersionMismatch, () => new PreconditionFailed()],
  [ConflictError, (error: ConflictError) => new Conflict(error.detail, error.details, error.reason)],
  [
    InvalidInput,
    (error: InvalidInput) => new ValidationFailed([{ in: error.location, field: error.field, message: error.reason }]),
  ],
  [OutOfRange, (error: OutOfRange) => new AmountOutOfRange(error.field, error.reason, error.location)],
];

/** The problem an error answers with: itself when it is one, a domain error's from the table, else undefined (500). */
export function asProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  const row = domainProblems.find(([type]) => error instanceof type);
  return row ? row[1](error as never) : undefined;
}
