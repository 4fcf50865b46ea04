/**
 * Request-body schemas for what a statement import names: the format, a CSV preset or a mapping of
 * its own, the QIF date order. They accept exactly what parseStatement reads.
 */
import * as z from '../../kit/schema';
import { csvPresets } from './csv';
import { DAY_FORMATS } from './dates';

export const statementFormatSchema = z.lazily(() => z.enum(['csv', 'ofx', 'qif', 'camt053']));

export const csvPresetNameSchema = z.lazily(() => z.enum(Object.keys(csvPresets) as [keyof typeof csvPresets]));

export const dateOrderSchema = z.lazily(() => z.enum(['DMY', 'MDY']));

const header = () => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)));

export const csvMappingSchema = z.lazily(() =>
  z
    .object({
      delimiter: z.optional(z.enum([',', ';', '\t', '|'])),
      decimalSeparator: z.enum(['.', ',']),
      dateFormat: z.enum(DAY_FORMATS),
      columns: z.object({
        date: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        amount: header(),
        debit: header(),
        credit: header(),
        payee: header(),
        note: header(),
        currency: header(),
        reference: header(),
      }),
    })
    .check(
      z.refine(
        (m) => (m.columns.amount !== undefined) !== (m.columns.debit !== undefined || m.columns.credit !== undefined),
        { message: 'name either an amount column or debit and/or credit columns', path: ['columns', 'amount'] },
      ),
    ),
);
