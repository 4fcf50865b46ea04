import fc from 'fast-check';
import { passwordPolicy, passwordSchema, presentedPasswordSchema } from '../../../shared/identity/password-policy';

describe('password policy', () => {
  test('is the policy the user pool is built with', () => {
    expect(passwordPolicy).toEqual({
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
    });
  });

  test.each(['Correct-Horse-9', 'aB3!aB3!aB3!', 'with inner Space 1', 'Ünïcödé-Pass-42'])('accepts %j', (password) => {
    expect(passwordSchema().safeParse(password).success).toBe(true);
  });

  test.each([
    ['11 characters', 'aB3!aB3!aB3', 'at least 12'],
    ['no lower-case letter', 'CORRECT-HORSE-9', 'lower-case'],
    ['no upper-case letter', 'correct-horse-9', 'upper-case'],
    ['no digit', 'Correct-Horse-X', 'digit'],
    ['no symbol', 'CorrectHorse99', 'symbol'],
    ['a trailing space', 'Correct-Horse-9 ', 'whitespace'],
    ['257 characters', `Aa1!${'x'.repeat(253)}`, 'at most 256'],
  ])('refuses a password with %s, saying why', (_case, password, reason) => {
    const result = passwordSchema().safeParse(password);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toContain(reason);
  });

  test('never trims or changes the password it accepts', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), (middle) => {
        const password = `Aa1!${middle}Zz9#`;
        const result = passwordSchema().safeParse(password);
        if (result.success) expect(result.data).toBe(password);
        // Only whitespace at the ends may make such a password invalid.
        else expect(password.trim()).not.toBe(password);
      }),
    );
  });

  test('a presented password (login) is checked for presence only', () => {
    expect(presentedPasswordSchema().safeParse('short').success).toBe(true);
    expect(presentedPasswordSchema().safeParse('').success).toBe(false);
  });
});
