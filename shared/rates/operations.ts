/** The reference-data routes (currencies, rates), declared once (shared/kit/http/operation.ts). */
import { defineOperation, noParams } from '../kit/http/operation';
import * as z from '../kit/schema';
import { ratesQuery } from './store';

export const currenciesList = defineOperation({
  function: 'currencies-list',
  feature: 'rates',
  entry: 'functions/api/currencies/list.ts',
  method: 'GET',
  path: '/v1/currencies',
  auth: 'user',
  functionDescription: 'Lists supported currencies and their exponents',
  summary: 'List the currencies Moneta accepts',
  grants: { table: 'read' },
  request: { query: noParams },
  response: {
    status: 200,
    description: 'Every supported currency',
    schema: () =>
      z.strictObject({
        items: z.array(z.strictObject({ code: z.string(), exponent: z.int(), name: z.string() })),
      }),
  },
});

export const ratesGet = defineOperation({
  function: 'rates-get',
  feature: 'rates',
  entry: 'functions/api/rates/get.ts',
  method: 'GET',
  path: '/v1/rates',
  auth: 'user',
  functionDescription: 'Reference exchange rates for a day',
  summary: 'ECB reference rates on a day, as cross rates from a base currency',
  grants: { table: 'read' },
  request: { query: ratesQuery },
  response: {
    status: 200,
    description: 'The rates in force on that day',
    schema: () =>
      z.strictObject({
        base: z.string(),
        requestedDate: z.iso.date(),
        date: z.iso.date().check(z.describe('The publication day used')),
        fallback: z.boolean().check(z.describe('True when the requested day had no publication')),
        source: z.literal('ECB'),
        rates: z.record(z.string(), z.string().check(z.describe('Decimal string: units per 1 unit of base'))),
      }),
  },
  problems: [404],
});

export const ratesOperations = [currenciesList, ratesGet] as const;
