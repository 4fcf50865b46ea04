import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as listCurrencies } from '../../../functions/api/currencies/list';
import { handler as getRates } from '../../../functions/api/rates/get';
import { convertExactly, parseRatio } from '../../../shared/kit/money/conversion';
import { currencyCodes } from '../../../shared/kit/money/currencies';
import { createRateStore } from '../../../shared/rates/store';
import { call, fieldsOf } from '../support/api';
import { givenProfiles } from '../support/signed-up';

const db = mockClient(DynamoDBDocumentClient);

/** Three published days around a weekend (2026-01-03/04) and a holiday-free week. */
const days = [
  { date: '2026-01-02', rates: { USD: '1.1684', JPY: '186.75', GBP: '0.87058', NGN: undefined } },
  { date: '2026-01-05', rates: { USD: '1.1711', JPY: '186.43', GBP: '0.87105' } },
  { date: '1999-01-04', rates: { USD: '1.1789', JPY: '133.73', GBP: '0.7111' } },
].map((day) => ({
  pk: 'RATES#ECB',
  sk: day.date,
  type: 'RATES',
  date: day.date,
  rates: Object.fromEntries(Object.entries(day.rates).filter(([, rate]) => rate !== undefined)),
}));

beforeEach(() => {
  db.reset();
  givenProfiles(db, 'user-1');
  // Query pk = RATES#ECB AND sk <= :date, newest first, Limit 1 — as DynamoDB answers it.
  db.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const date = input.ExpressionAttributeValues?.[':date'] as string;
    const onOrBefore = days.filter((day) => day.sk <= date).sort((a, b) => b.sk.localeCompare(a.sk));
    return { Items: onOrBefore.slice(0, input.Limit) };
  });
});

describe('rate store', () => {
  test('a business day after the newest publication is provisional; the weekend after it is not', async () => {
    // The newest stored day is 2026-01-05 (a Monday).
    expect(await store.ratesOn('2026-01-06')).toMatchObject({ date: '2026-01-05', provisional: true });
    expect(await store.ratesOn('2026-01-03')).toMatchObject({ date: '2026-01-02', fallback: true, provisional: false });
    expect(await store.ratesOn('2026-01-05')).toMatchObject({ provisional: false });
  });

  // The mock intercepts every DocumentClient, this one included.
  const store = createRateStore({ db: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName: 'moneta-test' });

  test('answers the rates of the day itself, not marked as a fallback', async () => {
    const rates = await store.ratesOn('2026-01-05');

    expect(rates).toEqual({
      date: '2026-01-05',
      requestedDate: '2026-01-05',
      fallback: false,
      provisional: false,
      source: 'ECB',
      rates: { USD: '1.1711', JPY: '186.43', GBP: '0.87105' },
    });
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toEqual({
      TableName: 'moneta-test',
      KeyConditionExpression: '#pk = :pk AND #sk <= :date',
      ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
      ExpressionAttributeValues: { ':pk': 'RATES#ECB', ':date': '2026-01-05' },
      ScanIndexForward: false,
      Limit: 1,
    });
  });

  test('on a weekend answers the latest earlier day, marked as a fallback', async () => {
    expect(await store.ratesOn('2026-01-04')).toMatchObject({
      date: '2026-01-02',
      requestedDate: '2026-01-04',
      fallback: true,
    });
  });

  test('before the first published day there are no rates', async () => {
    expect(await store.ratesOn('1998-12-31')).toBeUndefined();
  });
});

describe('GET /v1/rates', () => {
  const rates = (query: Record<string, string> = {}) =>
    call(getRates, { path: '/v1/rates', queryStringParameters: query, claims: { sub: 'user-1' } });

  test('gives cross rates from the base for every currency of the day, plus EUR', async () => {
    const response = await rates({ base: 'USD', date: '2026-01-04' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      base: 'USD',
      requestedDate: '2026-01-04',
      date: '2026-01-02',
      fallback: true,
      source: 'ECB',
      rates: {
        EUR: '0.85587127696', // 1 / 1.1684 = 0.85587127695994…, 12 places, half-even
        GBP: '0.745104416296', // 0.87058 / 1.1684 = 0.74510441629578…
        JPY: '159.83396097227', // 186.75 / 1.1684 = 159.83396097226977…
        USD: '1',
      },
    });
    // Readable rates: 100.00 USD is 85.59 EUR at this one too.
    expect(convertExactly({ amount: 100_00, currency: 'USD' }, 'EUR', parseRatio(response.body.rates.EUR))).toBe(
      85_59n,
    );
  });

  test('defaults to EUR and to today (UTC)', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T23:30:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const response = await rates();

      expect(response.body).toMatchObject({
        base: 'EUR',
        requestedDate: '2026-01-05',
        date: '2026-01-05',
        fallback: false,
        rates: { EUR: '1', USD: '1.1711', JPY: '186.43', GBP: '0.87105' },
      });
    } finally {
      jest.useRealTimers();
    }
  });

  test('a date before the first ECB publication answers 404', async () => {
    const response = await rates({ date: '1998-12-31' });

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.detail).toContain('1999-01-04');
  });

  test('a base the ECB has no rate for that day is refused with 400 naming base', async () => {
    const response = await rates({ base: 'NGN', date: '2026-01-02' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { in: 'query', field: 'base', message: 'has no ECB reference rate on 2026-01-02' },
    ]);
  });

  test.each([
    [{ base: 'XYZ' }, 'base'],
    [{ base: 'usd' }, 'base'],
    [{ date: '2026-02-30' }, 'date'],
    [{ date: 'yesterday' }, 'date'],
    [{ symbols: 'USD' }, 'symbols'],
  ])('refuses %j with 400 naming %s, reading nothing', async (query, field) => {
    const response = await rates(query);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });
});

describe('GET /v1/currencies', () => {
  test('lists every accepted currency, sorted by code, with its exponent and English name', async () => {
    const response = await call(listCurrencies, { path: '/v1/currencies', claims: { sub: 'user-1' } });

    expect(response.status).toBe(200);
    const { items } = response.body as { items: { code: string; exponent: number; name: string }[] };
    expect(items.map((item) => item.code)).toEqual([...currencyCodes]);
    expect(items.map((item) => item.code)).toEqual([...items.map((item) => item.code)].sort());
    expect(items).toContainEqual({ code: 'EUR', exponent: 2, name: 'Euro' });
    expect(items).toContainEqual({ code: 'JPY', exponent: 0, name: 'Japanese Yen' });
    expect(items).toContainEqual({ code: 'BHD', exponent: 3, name: 'Bahraini Dinar' });
    expect(items.every((item) => item.name !== item.code)).toBe(true);
  });

  test('refuses query parameters', async () => {
    const response = await call(listCurrencies, {
      path: '/v1/currencies',
      queryStringParameters: { lang: 'fr' },
      claims: { sub: 'user-1' },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['lang']);
  });
});
