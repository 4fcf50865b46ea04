/**
 * What POST /v1/imports decides before anything is written: the CSV mapping in force (the
 * caller's, or a preset's), the upload's content type, and a new job item.
 */
import type { CsvMapping } from './formats/types';
import { ImportEntity, type ImportFormat, type ImportItem } from './items';
import { type ImportCreate, UnusableField, uploadContentTypes } from './schemas';

export function resolveMapping(
  body: Pick<ImportCreate, 'format' | 'mapping' | 'preset' | 'dateOrder'>,
  presets: { names: readonly string[]; mapping: (name: string) => CsvMapping | undefined },
): { mapping: CsvMapping | null; preset: string | null } {
  if (body.dateOrder !== undefined && body.format !== 'qif') {
    throw new UnusableField('dateOrder', 'is for QIF files only');
  }
  if (body.format !== 'csv') {
    if (body.mapping) throw new UnusableField('mapping', 'is for CSV files only');
    if (body.preset) throw new UnusableField('preset', 'is for CSV files only');
    return { mapping: null, preset: null };
  }
  if (body.mapping && body.preset) throw new UnusableField('preset', 'must not be given with a mapping');
  if (body.preset) {
    const mapping = presets.mapping(body.preset);
    if (!mapping) throw new UnusableField('preset', `must be one of ${presets.names.join(', ')}`);
    return { mapping, preset: body.preset };
  }
  if (!body.mapping) throw new UnusableField('mapping', 'is required for a CSV file (or name a preset)');
  const { columns } = body.mapping;
  if (columns.amount === undefined && columns.debit === undefined && columns.credit === undefined) {
    throw new UnusableField('mapping.columns.amount', 'is required unless debit and credit columns are given');
  }
  if (columns.amount !== undefined && (columns.debit !== undefined || columns.credit !== undefined)) {
    throw new UnusableField(
      columns.debit !== undefined ? 'mapping.columns.debit' : 'mapping.columns.credit',
      'must not be given with an amount column',
    );
  }
  if (columns.amount === undefined && (columns.debit === undefined || columns.credit === undefined)) {
    throw new UnusableField(
      columns.debit === undefined ? 'mapping.columns.debit' : 'mapping.columns.credit',
      'is required with the other of debit and credit',
    );
  }
  return { mapping: body.mapping, preset: null };
}

/** The media type the upload must declare: the caller's if the format allows it, else the format's first. */
export function uploadContentType(format: ImportFormat, asked: string | undefined): string {
  const allowed: readonly string[] = uploadContentTypes[format];
  if (asked === undefined) return allowed[0]!;
  const type = asked.trim().toLowerCase();
  if (!allowed.includes(type)) throw new UnusableField('contentType', `must be one of ${allowed.join(', ')}`);
  return type;
}

export function newImportItem(input: {
  importId: string;
  accountId: string;
  format: ImportFormat;
  mapping: CsvMapping | null;
  preset: string | null;
  dateOrder?: 'DMY' | 'MDY' | null;
  fileKey: string;
  status: 'queued' | 'awaiting-upload';
  now: string;
}): ImportItem {
  return {
    type: ImportEntity.type,
    importId: input.importId,
    accountId: input.accountId,
    format: input.format,
    mapping: input.mapping,
    preset: input.preset,
    dateOrder: input.dateOrder ?? null,
    fileKey: input.fileKey,
    status: input.status,
    step: 0,
    total: null,
    processed: 0,
    counts: { created: 0, duplicates: 0, needsReview: 0, failed: 0, skipped: 0 },
    undoCursor: null,
    undo: null,
    failure: null,
    createdAt: input.now,
    updatedAt: input.now,
    completedAt: null,
    version: 1,
  };
}
