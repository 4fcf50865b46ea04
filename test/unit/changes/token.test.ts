/** The change feed's tokens: opaque, round-trip, refuse anything else, and age out with the window. */
import { CHANGE_RETENTION_SECONDS } from '../../../shared/changes/items';
import { decodeToken, encodeToken, isExpired } from '../../../shared/changes/token';

test('a token round-trips its position and says nothing readable on its face', () => {
  const token = encodeToken({ sequence: 42, recordedAt: 1_780_000_000 });
  expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(token).not.toContain('42');
  expect(decodeToken(token)).toEqual({ sequence: 42, recordedAt: 1_780_000_000 });
});

test('tokens grow with the sequence they stand for', () => {
  const positions = [0, 1, 9, 10, 123_456].map((sequence) => decodeToken(encodeToken({ sequence, recordedAt: 1 })));
  expect(positions.map((position) => position?.sequence)).toEqual([0, 1, 9, 10, 123_456]);
});

test.each([
  ['garbage', 'not a token!'],
  ['base64 of something else', Buffer.from('hello').toString('base64url')],
  ['another format version', Buffer.from(JSON.stringify({ v: 2, s: 1, t: 1 })).toString('base64url')],
  ['a negative sequence', Buffer.from(JSON.stringify({ v: 1, s: -1, t: 1 })).toString('base64url')],
  ['a fractional sequence', Buffer.from(JSON.stringify({ v: 1, s: 1.5, t: 1 })).toString('base64url')],
  ['an extra field', Buffer.from(JSON.stringify({ v: 1, s: 1, t: 1, u: 'x' })).toString('base64url')],
  ['an empty string', ''],
  ['a very long string', 'A'.repeat(500)],
])('%s is not a token', (_name, token) => {
  expect(decodeToken(token)).toBeUndefined();
});

test('a position is expired once its entry is older than the retained window', () => {
  const now = 2_000_000_000;
  expect(isExpired({ sequence: 5, recordedAt: now - CHANGE_RETENTION_SECONDS }, now, CHANGE_RETENTION_SECONDS)).toBe(
    false,
  );
  expect(
    isExpired({ sequence: 5, recordedAt: now - CHANGE_RETENTION_SECONDS - 1 }, now, CHANGE_RETENTION_SECONDS),
  ).toBe(true);
});
