/**
 * Profiles written before the profiles-by-zone index existed are listed under their zone by the
 * one-off indexing (bin/index-profile-zones.ts), which the stream publisher does not turn into an
 * event; a zone changed in between wins; profiles written since carry their keys already.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { fromStreamRecord } from '../../../shared/app/from-stream';
import { ProfileEntity } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { startLocalDynamoDb, TABLE } from '../support/local-dynamodb';
import { modifyOf, profileItem } from '../support/stream-records';

jest.setTimeout(120_000);

let table: Awaited<ReturnType<typeof startLocalDynamoDb>>;
beforeAll(async () => {
  table = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => table?.stop());

const profiles = () => createProfileStore({ db: table.db, tableName: TABLE });
const stored = async (userId: string) =>
  (await table.db.send(new GetCommand({ TableName: TABLE, Key: ProfileEntity.key(userId), ConsistentRead: true })))
    .Item;
const listed = async (zone: string) => {
  const found: string[] = [];
  for await (const page of profiles().inTimeZone(zone)) found.push(...page.map((profile) => profile.userId));
  return found;
};

test('an old profile is listed under its zone once; a second run changes nothing', async () => {
  await table.db.send(
    new PutCommand({ TableName: TABLE, Item: profileItem({ userId: 'old-1', timezone: 'Asia/Kolkata' }) }),
  );
  expect(await listed('Asia/Kolkata')).toEqual([]);

  expect(await profiles().indexZone('old-1')).toBe('indexed');
  expect(await profiles().indexZone('old-1')).toBe('current');

  expect(await stored('old-1')).toMatchObject({ gsi4pk: 'TZ#Asia/Calcutta', gsi4sk: 'old-1', version: 1 });
  expect(await listed('Asia/Calcutta')).toEqual(['old-1']);
});

test('a user without a profile is absent and nothing is written', async () => {
  expect(await profiles().indexZone('never-confirmed')).toBe('absent');
  expect(await stored('never-confirmed')).toBeUndefined();
});

test('writing the index keys alone is no UserUpdated event; a zone change is', () => {
  const before = profileItem({ userId: 'old-2' });
  const indexed = { ...before, gsi4pk: 'TZ#Europe/Berlin', gsi4sk: 'old-2' };
  const moved = { ...indexed, timezone: 'Asia/Tokyo', gsi4pk: 'TZ#Asia/Tokyo', version: 2 };

  expect(fromStreamRecord(modifyOf(before, indexed))).toBeUndefined();
  expect(fromStreamRecord(modifyOf(indexed, moved))?.detailType).toBe('UserUpdated');
});
