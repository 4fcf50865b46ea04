import { codeSchema, emailSchema, signupBody } from '../../../shared/identity/schemas';

describe('auth request schemas', () => {
  test('emails are trimmed and lower-cased, so one person has one spelling', () => {
    expect(emailSchema().parse('  Ada.Lovelace@Example.COM\t')).toBe('ada.lovelace@example.com');
  });

  test.each(['', 'ada', 'ada@', '@example.com', 'ada @example.com'])('refuses the email %j', (email) => {
    expect(emailSchema().safeParse(email).success).toBe(false);
  });

  test('codes are trimmed but may not contain spaces', () => {
    expect(codeSchema().parse(' 123456\n')).toBe('123456');
    expect(codeSchema().safeParse('123 456').success).toBe(false);
  });

  test('sign-up accepts the optional profile fields and refuses anything else', () => {
    const base = { email: 'ada@example.com', password: 'Correct-Horse-9' };
    expect(signupBody().parse({ ...base, name: ' Ada ', homeCurrency: 'JPY', timezone: 'Asia/Tokyo' })).toEqual({
      ...base,
      name: 'Ada',
      homeCurrency: 'JPY',
      timezone: 'Asia/Tokyo',
    });
    expect(signupBody().safeParse({ ...base, role: 'admin' }).success).toBe(false);
  });
});
