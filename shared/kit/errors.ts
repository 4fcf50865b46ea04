/**
 * The errors stores and use cases throw: what went wrong in the domain's terms, never an HTTP
 * status. An event consumer that calls a store receives one of these (or a DynamoDB error);
 * the API maps each to its problem+json in ONE table (shared/kit/http/problems.ts).
 */

/** Where an input a domain error names came from (a request body unless told otherwise). */
export type InputLocation = 'body' | 'query' | 'path' | 'header';

export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The entity (`account`, `goal`, …) does not exist (for this user). */
export class NotFoundError extends DomainError {
  constructor(readonly entity: string) {
    super(`The ${entity} does not exist.`);
  }
}

/** The item changed since the caller read it: its version is not the one expected. */
export class VersionMismatch extends DomainError {
  constructor() {
    super('The resource changed since you read it; fetch it again and retry.');
  }
}

/** The write contradicts the current state: `reason` says how (`account-archived`, …), `details` with what. */
export class ConflictError extends DomainError {
  constructor(
    readonly detail: string,
    readonly reason = 'conflict',
    readonly details?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

/** An input is not acceptable: which one, and why. */
export class InvalidInput extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly location: InputLocation = 'body',
  ) {
    super(`${field} ${reason}`);
  }
}

/** An amount, or a total it would move, would leave ±(2^53 − 1) minor units: nothing was written. */
export class OutOfRange extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly location: InputLocation = 'body',
  ) {
    super(`${field} ${reason}`);
  }
}
