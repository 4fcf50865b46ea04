/**
 * The statement parsers (./formats) as the import routes and the importer use them: one entry,
 * and the CSV presets a request may name instead of a mapping.
 */
import { csvPresets, parseStatement, StatementUnreadable } from './formats/index';
import type { CsvMapping } from './formats/types';

export { parseStatement, StatementUnreadable };

export const presetNames = Object.keys(csvPresets);

export function presetMapping(name: string): CsvMapping | undefined {
  return Object.hasOwn(csvPresets, name) ? (csvPresets as Record<string, CsvMapping>)[name] : undefined;
}
