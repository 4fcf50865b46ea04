/**
 * `GET /v1/audit`: the query it accepts and the shape of each entry. Exported for the operation
 * declaration (./operations.ts) and the OpenAPI document.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import * as z from '../kit/schema';
import { type AuditEntryItem, auditOperationKinds } from './items';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a `from` or `to` stands for, in the trail's form (UTC ISO): a date is a UTC day, its
 * first millisecond for `from`, its last for `to`; a date-time is itself. Undefined when invalid.
 */
export function boundInstant(value: string, end: 'from' | 'to'): string | undefined {
  if (DATE.test(value)) {
    const instant = new Date(`${value}T${end === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`);
    return !Number.isNaN(instant.getTime()) && instant.toISOString().startsWith(value)
      ? instant.toISOString()
      : undefined;
  }
  if (!DATE_TIME.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

const bound = (end: 'from' | 'to') =>
  z.string().check(
    z.maxLength(40),
    z.refine(
      (value) => boundInstant(value, end) !== undefined,
      'must be a date (2026-01-31, a UTC day) or a date-time with its offset (2026-01-31T09:30:00Z)',
    ),
  );

export const auditListQuery = z.lazily(() =>
  z
    .strictObject({
      entity: z
        .optional(z.string().check(z.regex(/^[a-z_]{1,40}$/, 'must be an entity type such as account or transaction')))
        .check(z.describe('Only entries of this entity type (`account`, `transaction`, `budget_alert` …)')),
      entityId: z.optional(entityId()).check(z.describe('Only entries of this entity (needs `entity`)')),
      from: z.optional(bound('from')).check(z.describe('Earliest change included: a date (UTC day) or a date-time')),
      to: z.optional(bound('to')).check(z.describe('Latest change included: a date (UTC day) or a date-time')),
      ...pageQuery(),
    })
    .check(
      z.refine((query) => query.entityId === undefined || query.entity !== undefined, {
        path: ['entityId'],
        message: 'needs entity',
      }),
      z.refine(
        (query) =>
          !query.from || !query.to || (boundInstant(query.from, 'from') ?? '') <= (boundInstant(query.to, 'to') ?? ''),
        { path: ['to'], message: 'must not be before from' },
      ),
    ),
);

const fields = () => z.nullable(z.record(z.string(), z.unknown()));

export const auditEntryView = z.lazily(() =>
  z.strictObject({
    /** The entry's id: the change's source event id (`sourceEventId` of its domain event). */
    id: z.string(),
    entity: z.string(),
    entityId: z.string(),
    operation: z.enum(auditOperationKinds),
    event: z.string(),
    /** `user`, or the process that made the change (`budget-evaluator`, `rates-fetcher` …). */
    actor: z.string(),
    correlationId: z.nullable(z.string()),
    occurredAt: z.string(),
    version: z.int(),
    before: fields(),
    after: fields(),
  }),
);
type AuditEntryView = z.infer<ReturnType<typeof auditEntryView>>;

export function toAuditEntryView(item: AuditEntryItem): AuditEntryView {
  return {
    id: item.sourceEventId,
    entity: item.entity,
    entityId: item.entityId,
    operation: item.operation,
    event: item.event,
    actor: item.actor,
    correlationId: item.correlationId,
    occurredAt: item.occurredAt,
    version: item.version,
    before: item.before,
    after: item.after,
  };
}
