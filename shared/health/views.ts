/** The health answer's shape, for the OpenAPI contract. */
import * as z from '../kit/schema';

const dependency = () =>
  z.enum(['ok', 'unavailable']).check(z.describe('Whether it answered this function, with its permissions'));

export const healthView = z.lazily(() =>
  z.strictObject({
    status: z.enum(['ok', 'unavailable']).check(z.describe('`ok` when every dependency answered')),
    release: z.string().check(z.describe('The release deployed')),
    checks: z.strictObject({ table: dependency(), bus: dependency() }),
    checkedAt: z.string().check(z.describe('When the dependencies were last checked (answers are reused for 5 s)')),
  }),
);
