import { eventPattern, rules } from '../../../lib/catalog/rules';
import { streamFilterPatterns } from '../../../lib/catalog/stream-filters';
import { matchesPattern } from '../../../lib/local/event-pattern';

const event = {
  source: 'moneta',
  'detail-type': 'UserSignedUp',
  detail: {
    userId: 'u-1',
    version: 3,
    amount: 1250,
    tags: ['groceries', 'weekly'],
    currency: 'EUR',
    nested: { deep: { flag: true, nothing: null } },
  },
};

describe('matchesPattern (EventBridge semantics)', () => {
  it('matches exact values and refuses others', () => {
    expect(matchesPattern({ source: ['moneta'] }, event)).toBe(true);
    expect(matchesPattern({ source: ['other', 'moneta'] }, event)).toBe(true);
    expect(matchesPattern({ source: ['other'] }, event)).toBe(false);
    expect(matchesPattern({ detail: { version: [3] } }, event)).toBe(true);
    // A number and its string are different values.
    expect(matchesPattern({ detail: { version: ['3'] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { nested: { deep: { flag: [true] } } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { nested: { deep: { nothing: [null] } } } }, event)).toBe(true);
  });

  it('requires every field of the pattern', () => {
    expect(matchesPattern({ source: ['moneta'], 'detail-type': ['UserUpdated'] }, event)).toBe(false);
    expect(matchesPattern({ source: ['moneta'], 'detail-type': ['UserSignedUp'] }, event)).toBe(true);
  });

  it('matches prefix, suffix and case-insensitive values', () => {
    expect(matchesPattern({ 'detail-type': [{ prefix: 'User' }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ prefix: 'Budget' }] }, event)).toBe(false);
    expect(matchesPattern({ 'detail-type': [{ suffix: 'SignedUp' }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ suffix: 'Deleted' }] }, event)).toBe(false);
    expect(matchesPattern({ 'detail-type': [{ prefix: { 'equals-ignore-case': 'user' } }] }, event)).toBe(true);
    expect(matchesPattern({ detail: { currency: [{ 'equals-ignore-case': 'eur' }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { currency: [{ wildcard: 'E*R' }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { currency: [{ wildcard: 'U*' }] } }, event)).toBe(false);
  });

  it('matches anything-but a value, a list or a prefix', () => {
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': 'UserDeleted' }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': 'UserSignedUp' }] }, event)).toBe(false);
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': ['UserSignedUp', 'UserDeleted'] }] }, event)).toBe(false);
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': { prefix: 'Goal' } }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': { prefix: 'User' } }] }, event)).toBe(false);
    // anything-but needs the field to be there.
    expect(matchesPattern({ detail: { missing: [{ 'anything-but': 'x' }] } }, event)).toBe(false);
  });

  it('matches exists true and false, also under a missing parent', () => {
    expect(matchesPattern({ detail: { userId: [{ exists: true }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { userId: [{ exists: false }] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { missing: [{ exists: false }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { missing: [{ exists: true }] } }, event)).toBe(false);
    expect(matchesPattern({ userIdentity: { principalId: [{ exists: false }] } }, event)).toBe(true);
  });

  it('matches numeric ranges', () => {
    expect(matchesPattern({ detail: { amount: [{ numeric: ['>', 1000, '<=', 1250] }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { amount: [{ numeric: ['<', 1250] }] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { amount: [{ numeric: ['=', 1250] }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { currency: [{ numeric: ['>', 0] }] } }, event)).toBe(false);
  });

  it('matches $or alternatives', () => {
    const pattern = { $or: [{ source: ['nope'] }, { detail: { currency: ['EUR'] } }] };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern({ $or: [{ source: ['nope'] }, { detail: { currency: ['USD'] } }] }, event)).toBe(false);
  });

  it('matches an array in the event when any element matches', () => {
    expect(matchesPattern({ detail: { tags: ['weekly'] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { tags: [{ prefix: 'groc' }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { tags: ['monthly'] } }, event)).toBe(false);
  });

  it('refuses an operator it does not know instead of silently matching nothing', () => {
    expect(() => matchesPattern({ source: [{ prefx: 'm' }] }, event)).toThrow(/Unsupported operator/);
  });

  it("routes the catalogue's own rules as the stack does", () => {
    const byId = Object.fromEntries(rules.map((rule) => [rule.id, eventPattern(rule)]));
    expect(matchesPattern(byId.notify!, event)).toBe(true);
    expect(matchesPattern(byId['erase-user-data']!, event)).toBe(false);
    expect(matchesPattern(byId['erase-user-data']!, { ...event, 'detail-type': 'UserDeleted' })).toBe(true);
    expect(matchesPattern(byId.audit!, { ...event, source: 'someone-else' })).toBe(false);
  });

  it('applies the stream filters: domain items only, TTL deletions skipped', () => {
    const matches = (record: unknown) => streamFilterPatterns.some((p) => matchesPattern(p, record));
    const profile = { type: { S: 'PROFILE' } };
    const counter = { type: { S: 'NOTIFICATION_CAP' } };
    expect(matches({ eventName: 'INSERT', dynamodb: { NewImage: profile } })).toBe(true);
    expect(matches({ eventName: 'INSERT', dynamodb: { NewImage: counter } })).toBe(false);
    expect(matches({ eventName: 'REMOVE', dynamodb: { OldImage: profile } })).toBe(true);
    const ttlRemoval = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
    expect(matches({ eventName: 'REMOVE', dynamodb: { OldImage: profile }, userIdentity: ttlRemoval })).toBe(false);
  });
});
