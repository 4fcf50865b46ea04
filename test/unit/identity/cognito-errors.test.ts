import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { HttpProblem } from '../../../shared/kit/http/problems';
import { cognitoException } from '../support/api';

/** What a route answers for an error: 'success', or the problem's status and slug. */
function outcome(route: keyof typeof cognitoErrors, error: unknown): string {
  try {
    handleCognitoError(error, cognitoErrors[route] as never);
    return 'success';
  } catch (thrown) {
    if (thrown instanceof HttpProblem) return `${thrown.status} ${thrown.slug}`;
    if (thrown === error) return 'rethrown';
    throw thrown;
  }
}

describe('Cognito error mapping', () => {
  test('limits are a 429 on every route that talks to Cognito for a caller', () => {
    const routes = Object.keys(cognitoErrors).filter(
      (route) => route !== 'deleteUser',
    ) as (keyof typeof cognitoErrors)[];
    for (const route of routes) {
      for (const name of ['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']) {
        expect([route, name, outcome(route, cognitoException(name))]).toEqual([route, name, '429 too-many-requests']);
      }
    }
  });

  test('an error that is not from Cognito is rethrown unchanged (500 with a correlation id)', () => {
    const bug = new TypeError('undefined is not a function');
    expect(outcome('login', bug)).toBe('rethrown');
    expect(outcome('forgotPassword', bug)).toBe('rethrown');
  });

  test('an unknown Cognito exception is rethrown, never guessed at', () => {
    expect(outcome('signup', cognitoException('InternalErrorException'))).toBe('rethrown');
    expect(outcome('logout', cognitoException('UnsupportedOperationException'))).toBe('rethrown');
  });

  test('routes that must not reveal accounts answer unknown users like known ones', () => {
    const unknownUser = cognitoException('UserNotFoundException');
    expect(outcome('resendCode', unknownUser)).toBe('success');
    expect(outcome('forgotPassword', unknownUser)).toBe('success');
    expect(outcome('confirm', unknownUser)).toBe(outcome('confirm', cognitoException('CodeMismatchException')));
    expect(outcome('resetPassword', unknownUser)).toBe(
      outcome('resetPassword', cognitoException('CodeMismatchException')),
    );
    expect(outcome('login', unknownUser)).toBe(outcome('login', cognitoException('NotAuthorizedException')));
  });

  test('account deletion: gone is success, a dead token is 401, anything else 503', () => {
    expect(outcome('deleteUser', cognitoException('UserNotFoundException'))).toBe('success');
    expect(outcome('deleteUser', cognitoException('NotAuthorizedException', 'User does not exist.'))).toBe('success');
    expect(outcome('deleteUser', cognitoException('NotAuthorizedException', 'Access Token has been revoked'))).toBe(
      '401 unauthorized',
    );
    expect(outcome('deleteUser', cognitoException('InternalErrorException'))).toBe('503 service-unavailable');
    expect(outcome('deleteUser', new Error('ECONNRESET'))).toBe('503 service-unavailable');
  });
});
