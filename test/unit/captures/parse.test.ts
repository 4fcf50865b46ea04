/**
 * The parser's rules one at a time: how amounts, currencies and dates are read, what is ignored,
 * how sure it says it is, and that the same message always parses the same way.
 */
import { MAX_MESSAGE_LENGTH, normaliseMessage, parseMessage } from '../../../shared/captures/parse';
import type { ParseContext, ParsedMessage, ParsedTransaction } from '../../../shared/captures/parse/types';
import { loadFixtures } from '../../bench/parse-accuracy';

const india: ParseContext = { receivedAt: '2026-12-05T10:00:00Z', timezone: 'Asia/Kolkata', defaultCurrency: 'INR' };

function transaction(parsed: ParsedMessage): ParsedTransaction {
  if (parsed.kind !== 'transaction') throw new Error(`expected a transaction, got ${JSON.stringify(parsed)}`);
  return parsed;
}

const money = (text: string, context: ParseContext = india) => transaction(parseMessage(text, context)).money?.value;
const date = (text: string, context: ParseContext = india) =>
  transaction(parseMessage(text, context)).occurredAt?.value ?? null;

describe('amounts are read exactly into minor units, whatever the separators', () => {
  test.each([
    ['You spent $1,234.56 at BEST BUY', { amount: 123456, currency: 'USD' }],
    ['Du hast 1.234,56 € bei Saturn bezahlt.', { amount: 123456, currency: 'EUR' }],
    ['Rs 1,23,456.00 debited from A/c XX1234 towards LOAN EMI', { amount: 12345600, currency: 'INR' }],
    ['Paiement de 1 234,56 EUR chez DARTY', { amount: 123456, currency: 'EUR' }],
    ['Spent JPY 12,800 at LAWSON TOKYO on card ending 1234', { amount: 12800, currency: 'JPY' }],
    ['Spent BHD 1.250 at LULU HYPERMARKET on card ending 1234', { amount: 1250, currency: 'BHD' }],
    ["Spent CHF 1'234.50 at COOP on card ending 1234", { amount: 123450, currency: 'CHF' }],
    [
      'Dear UPI user A/C X6789 debited by 120.0 on date 05Dec26 trf to TEA Refno 634223344556',
      { amount: 12000, currency: 'INR' },
    ],
  ])('%s', (text, expected) => {
    expect(money(text)).toEqual(expected);
  });

  test('an amount past 2^53 − 1 minor units is refused, not rounded', () => {
    expect(money('You spent USD 90071992547409.91 at BROKER')).toEqual({ amount: 9007199254740991, currency: 'USD' });
    expect(parseMessage('You spent USD 90071992547409.93 at BROKER', india)).toEqual({
      kind: 'ignored',
      reason: 'not-a-transaction',
    });
  });

  test('more decimals than the currency has is not an amount', () => {
    expect(parseMessage('You spent USD 12.3456 at SHOP', india)).toEqual({
      kind: 'ignored',
      reason: 'not-a-transaction',
    });
  });
});

describe('currencies: symbols, codes and local forms', () => {
  test.each([
    ['Rs.250.00 spent at CAFE', 'INR'],
    ['Rs 250 spent at CAFE', 'INR'],
    ['INR 250.00 spent at CAFE', 'INR'],
    ['₹250 spent at CAFE', 'INR'],
    ['rs.250 spent at CAFE', 'INR'],
    ['inr 250 spent at CAFE', 'INR'],
    ['€2,50 spent at CAFE', 'EUR'],
    ['EUR 12,50 spent at CAFE', 'EUR'],
    ['12,50 EUR spent at CAFE', 'EUR'],
    ['£2.50 spent at CAFE', 'GBP'],
    ['USD 2.50 spent at CAFE', 'USD'],
    ['$2.50 spent at CAFE', 'USD'],
  ])('%s is in %s', (text, currency) => {
    expect(money(text)?.currency).toBe(currency);
  });

  test('a bare $ is the user’s own dollar, or USD for anyone else', () => {
    expect(money('You spent $4.50 at TIM HORTONS', { defaultCurrency: 'CAD' })?.currency).toBe('CAD');
    expect(money('You spent $4.50 at STARBUCKS', { defaultCurrency: 'INR' })?.currency).toBe('USD');
  });

  test('an amount without a currency is in the home currency, with less confidence', () => {
    const parsed = transaction(parseMessage('Your a/c XX1234 debited by 450.50 on 05-12-26 for BILLDESK', india));
    expect(parsed.money).toEqual({ value: { amount: 45050, currency: 'INR' }, confidence: 0.5 });
    expect(parsed.confidence).toBeLessThan(0.8);
  });

  test('a foreign-currency card alert gives the amount paid and the amount charged to the account', () => {
    const parsed = transaction(
      parseMessage(
        'Rs.2,105.90 spent on HDFC Bank Card 7788 at APPLE.COM/BILL on 2026-12-04:09:00:00 (USD 24.99).',
        india,
      ),
    );
    expect(parsed.money?.value).toEqual({ amount: 2499, currency: 'USD' });
    expect(parsed.accountMoney?.value).toEqual({ amount: 210590, currency: 'INR' });
  });
});

describe('dates', () => {
  test.each([
    ['Rs 100 debited from A/c XX1234 on 05-Dec-26 to SHOP', { date: '2026-12-05' }],
    ['Rs 100 debited from A/c XX1234 on 05/12/2026 to SHOP', { date: '2026-12-05' }],
    ['Rs 100 debited from A/c XX1234 on 2026-12-05 to SHOP', { date: '2026-12-05' }],
    ['Rs 100 debited from A/c XX1234 on 04Dec26 to SHOP', { date: '2026-12-04' }],
    ['Rs 100 debited from A/c XX1234 on 04-12-26, 21:05 to SHOP', { date: '2026-12-04', time: '21:05' }],
    ['Rs 100 debited from A/c XX1234 on Dec 5 to SHOP', { date: '2026-12-05' }],
    ['Rs 100 debited from A/c XX1234 on 5 Dec at 9:30 PM to SHOP', { date: '2026-12-05', time: '21:30' }],
  ])('%s', (text, expected) => {
    expect(date(text)).toEqual(expected);
  });

  test('no date in the message is no date (the capture dates it by receivedAt)', () => {
    expect(date('You spent £3.40 at Pret A Manger')).toBeNull();
  });

  test('a date without a year takes the year it arrived in, or the year before across New Year', () => {
    const newYear = { receivedAt: '2027-01-02T08:00:00Z', timezone: 'Europe/London', defaultCurrency: 'GBP' };
    expect(date('HSBC: Your debit card ending 5678 was used for £12.99 at TESCO on 31 Dec.', newYear)).toEqual({
      date: '2026-12-31',
    });
    expect(date('HSBC: Your debit card ending 5678 was used for £12.99 at TESCO on 1 Jan.', newYear)).toEqual({
      date: '2027-01-01',
    });
  });

  test("the year is receivedAt's in the user's time zone", () => {
    // 23:30 UTC on Dec 31 is already New Year's Day in Kolkata.
    const context = { receivedAt: '2026-12-31T23:30:00Z', timezone: 'Asia/Kolkata', defaultCurrency: 'INR' };
    expect(date('Rs 100 debited from A/c XX1234 on 01 Jan to SHOP', context)).toEqual({ date: '2027-01-01' });
  });

  test('US messages write the month first', () => {
    const us = { receivedAt: '2026-12-05T20:00:00Z', timezone: 'America/New_York', defaultCurrency: 'USD' };
    expect(
      date('BofA: A $12.00 purchase was made on your debit card ending in 4321 at CVS on 12/04/2026.', us),
    ).toEqual({
      date: '2026-12-04',
    });
  });
});

describe('messages that are not transactions are ignored with a reason', () => {
  test.each([
    ['OTP is 482913 for txn of INR 4,999.00 at MYNTRA on card ending 7788. Do not share OTP', 'otp'],
    ['Your one-time password is 119245. It expires in 5 minutes.', 'otp'],
    ['Pre-approved Personal Loan of Rs 5,00,000 for you! Apply now', 'promotion'],
    ['The available balance in your A/c XX6789 is Rs.18,245.50 as on 05-12-2026.', 'balance-enquiry'],
    ['Your transaction of Rs.5,000.00 at AMAZON on card 7788 has been declined.', 'declined'],
    ['Votre paiement de 12,00 EUR chez FNAC a échoué.', 'declined'],
    ['Rs.649.00 will be debited from your a/c XX4521 on 10-12-26 towards NETFLIX mandate.', 'not-a-transaction'],
    ['Thank you for banking with us.', 'not-a-transaction'],
  ])('%s → %s', (text, reason) => {
    expect(parseMessage(text, india)).toEqual({ kind: 'ignored', reason });
  });

  test('a refund or reversal that was credited is a credit, not a failure', () => {
    const parsed = transaction(
      parseMessage('Rs.250.00 reversed and credited to your A/c XX4521 for failed UPI txn Ref 634012345600', india),
    );
    expect(parsed.direction?.value).toBe('credit');
    expect(parsed.money?.value).toEqual({ amount: 25000, currency: 'INR' });
  });
});

describe('confidence', () => {
  test('a template match is sure enough to record; the fallback grammar sends a message to review', () => {
    const templated = transaction(
      parseMessage(
        'Barclays: A payment of £45.00 to THAMES WATER was made from your account ending 1234 on 05/12/26.',
        {
          defaultCurrency: 'GBP',
        },
      ),
    );
    expect(templated.template).toBe('uk.barclays-payment');
    expect(templated.confidence).toBeGreaterThanOrEqual(0.8);
    const unusual = transaction(
      parseMessage('Heads up: £45.00 paid to THAMES WATER from your account ending 1234.', {}),
    );
    expect(unusual.template).toBe('fallback');
    expect(unusual.confidence).toBeLessThan(0.8);
    expect(unusual.direction?.value).toBe('debit');
    expect(unusual.money?.value).toEqual({ amount: 4500, currency: 'GBP' });
  });

  test('the messages marked for end-to-end capture are recorded with confidence, each with a 4-digit account hint', () => {
    const e2e = loadFixtures('develop').filter((fixture) => fixture.e2e);
    expect(e2e.length).toBeGreaterThanOrEqual(20);
    const currencies = new Set<string>();
    const directions = new Set<string>();
    for (const fixture of e2e) {
      const parsed = transaction(parseMessage(fixture.text, fixture.context));
      expect([fixture.id, parsed.confidence >= 0.8, /^\d{4}$/.test(parsed.accountHint?.value ?? '')]).toEqual([
        fixture.id,
        true,
        true,
      ]);
      currencies.add(parsed.money?.value.currency ?? '');
      directions.add(parsed.direction?.value ?? '');
    }
    expect([...currencies].sort()).toEqual(['EUR', 'GBP', 'INR', 'USD']);
    expect([...directions].sort()).toEqual(['credit', 'debit']);
  });
});

test('the end-to-end messages parse the same without a sender, by email, and for a user of another home currency', () => {
  for (const fixture of loadFixtures('develop').filter((candidate) => candidate.e2e)) {
    const expected = parseMessage(fixture.text, fixture.context);
    const { receivedAt, timezone } = fixture.context;
    expect(parseMessage(fixture.text, { receivedAt, timezone })).toEqual(expected);
    const byEmail = { receivedAt, timezone, sender: 'alerts@bank.example', source: 'email' as const };
    expect(parseMessage(fixture.text, { ...byEmail, defaultCurrency: 'EUR' })).toEqual(expected);
  }
});

test("a bank's template reads its messages whoever forwards them, but not another bank's SMS", () => {
  const text = 'Sent Rs.250.00\nFrom HDFC Bank A/C *4521\nTo SWIGGY\nOn 05/12/26\nRef 634012345678';
  const from = (sender: string, source: 'sms' | 'email') =>
    transaction(parseMessage(text, { ...india, sender, source }));
  expect(from('VM-HDFCBK', 'sms').template).toBe('in.hdfc-upi-sent');
  expect(from('alerts@hdfcbank.net', 'email').template).toBe('in.hdfc-upi-sent');
  expect(from('me@forwarder.example', 'email').template).toBe('in.hdfc-upi-sent');
  expect(from('AX-ICICIB', 'sms').template).toBe('fallback');
});

test('parsing is deterministic: the same message and context always give the same result', () => {
  const fixtures = [...loadFixtures('develop'), ...loadFixtures('holdout')];
  const first = fixtures.map((fixture) => parseMessage(fixture.text, fixture.context));
  const again = [...fixtures].reverse().map((fixture) => parseMessage(fixture.text, fixture.context));
  expect(again.reverse()).toEqual(first);
});

test('a long message is read up to its first 4,000 characters, so any text parses quickly', () => {
  const alert = 'Sent Rs.250.00\nFrom HDFC Bank A/C *4521\nTo SWIGGY\nOn 05/12/26\nRef 634012345678';
  const withFooter = `${alert}\n${'Terms and conditions apply to every account. '.repeat(500)}`;
  expect(withFooter.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
  expect(parseMessage(withFooter, india)).toEqual(parseMessage(alert, india));
  const digits = '9'.repeat(50_000);
  expect(parseMessage(digits, india)).toEqual({ kind: 'ignored', reason: 'not-a-transaction' });
  const afterTheLimit = `${' '.repeat(MAX_MESSAGE_LENGTH)}You spent £3.40 at Pret A Manger`;
  expect(parseMessage(afterTheLimit, india)).toEqual({ kind: 'ignored', reason: 'not-a-transaction' });
});

test('the same message delivered with other spacing and line ends normalises alike', () => {
  const sms = 'Sent Rs.250.00\nFrom HDFC Bank A/C *4521\nTo SWIGGY';
  const email = '  Sent  Rs.250.00\r\n\r\nFrom HDFC Bank A/C *4521 \r\nTo\tSWIGGY\r\n';
  expect(normaliseMessage(email)).toBe(normaliseMessage(sms));
  expect(parseMessage(email, india)).toEqual(parseMessage(sms, india));
});
