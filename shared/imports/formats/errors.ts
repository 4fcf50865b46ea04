/**
 * A file that is not the format it was declared as (or not a statement at all), as opposed to a
 * statement with a few bad rows: the whole file is refused, and `field` names what to correct
 * (`file`, `format`, `mapping`, `mapping.columns.date` …), so a route can answer 422 with it.
 */
export class StatementUnreadable extends Error {
  override readonly name = 'StatementUnreadable';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A field of one row that could not be read; the parsers turn it into a row failure. */
export class FieldError extends Error {
  override readonly name = 'FieldError';
}
