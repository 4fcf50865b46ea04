/**
 * Generates docs/events.md from the event catalog (shared/app/events.ts) and the rule table
 * (lib/catalog/rules.ts): each event, the item change that produces it, the functions that consume
 * it and the fields of its detail. A unit test fails when the committed file is stale.
 */
import * as z from 'zod';
import { domainItems, type EventName, eventNames, eventSchemas } from '../../shared/app/events';
import type { Counters } from '../../shared/kit/events/domain-events';
import { rules } from '../catalog/rules';

export const EVENTS_CATALOGUE_PATH = 'docs/events.md';
export const REGENERATE_COMMAND = 'npx tsx lib/docs/write-events-catalogue.ts';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

type FieldRow = { path: string; type: string; required: boolean };

function describeType(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' \\| ');
  const type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items) return `array of ${describeType(schema.items)}`;
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Flattens nested objects into dotted paths, so the table shows every field a consumer can read. */
function fieldRows(schema: JsonSchema, prefix = '', parentRequired = true): FieldRow[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const required = parentRequired && (schema.required ?? []).includes(name);
    const row = { path, type: describeType(property), required };
    return property.properties ? [row, ...fieldRows(property, path, required)] : [row];
  });
}

function producerOf(name: EventName): string {
  for (const [itemType, mapping] of Object.entries(domainItems)) {
    for (const streamEvent of ['INSERT', 'MODIFY', 'REMOVE'] as const) {
      if ((mapping as Partial<Record<string, string>>)[streamEvent] === name) {
        const hidden: readonly string[] = 'unpublished' in mapping ? mapping.unpublished : [];
        const without = hidden.length
          ? `, without ${hidden.map((attribute) => `\`${attribute}\``).join(', ')} (never published)`
          : '';
        const source = `stream publisher, on \`${streamEvent}\` of a \`${itemType}\` item (id: \`${mapping.idAttribute}\`)${without}`;
        const expiry =
          streamEvent === 'REMOVE' && 'expiryPublished' in mapping && mapping.expiryPublished
            ? '; also on its deletion by TTL (actor `expiry`)'
            : '';
        if (expiry) return `${source}${expiry}`;
        const counters: Counters | undefined =
          streamEvent === 'MODIFY' && 'counters' in mapping ? mapping.counters : undefined;
        if (!counters) return source;
        const names = counters.attributes.map((attribute) => `\`${attribute}\``).join(', ');
        const unless = counters.publishedWhen ? `, unless ${counters.publishedWhen.description}` : '';
        return `${source}; not when only ${names} changed (${counters.reason ?? 'the write that moved them has its own event'})${unless}`;
      }
    }
  }
  return 'none yet';
}

function consumersOf(name: EventName): string[] {
  return rules
    .filter((rule) => rule.detailTypes.includes(name))
    .map((rule) => {
      const only = rule.only[name];
      const filter = only
        ? `, only when \`detail\` matches ${only.map((pattern) => `\`${JSON.stringify(pattern)}\``).join(' or ')}`
        : '';
      return `\`${rule.target}\` (rule \`${rule.id}\`: ${rule.description}${filter})`;
    });
}

/** A table with padded columns, the way Biome formats Markdown, so `npm run lint` leaves it alone. */
function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function eventSection(name: EventName): string {
  const schema = z.toJSONSchema(eventSchemas[name](), { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const consumers = consumersOf(name);
  return [
    `## ${name}`,
    '',
    `- **Producer:** ${producerOf(name)}`,
    `- **Consumers:** ${consumers.length ? consumers.join('; ') : 'none'}`,
    '',
    ...markdownTable(
      ['Field', 'Type', 'Required'],
      fieldRows(schema).map((row) => [`\`${row.path}\``, row.type, row.required ? 'yes' : 'no']),
    ),
    '',
  ].join('\n');
}

export function renderEventsCatalogue(): string {
  return [
    '# Moneta events',
    '',
    `<!-- Generated from shared/app/events.ts and lib/catalog/rules.ts by \`${REGENERATE_COMMAND}\`. Do not edit. -->`,
    '',
    'Every event is published to the Moneta bus with `source` `moneta` by the stream publisher, from a change',
    'of a domain item in the table. Delivery is at least once and unordered: deduplicate on',
    '`detail.sourceEventId` (the stream record id), never on the envelope `id`. `data` is the item after the',
    'change and `previous` the item before it, both without key attributes.',
    '',
    ...eventNames.map(eventSection),
  ].join('\n');
}
