/**
 * Every authenticated route first reads the caller's profile (shared/kit/http/api-handler.ts): a
 * deleted account has none and is refused with 401. Handler tests over a mocked DynamoDB answer
 * that read here, by key, so the test's own mocks (another GetItem, a Query…) are left to it.
 *
 *   const db = mockClient(DynamoDBDocumentClient);
 *   beforeEach(() => { db.reset(); givenProfiles(db, 'user-1'); });
 *
 * aws-sdk-client-mock lets the last matching `on()` win, so a test that mocks GetCommand for other
 * keys should name them (`db.on(GetCommand, { Key: … })`) rather than mock every GetCommand.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { Profile } from '../../../shared/identity/profile';
import { ProfileEntity } from '../../../shared/identity/profile';
import { profileItem } from './stream-records';

type DbMock = AwsClientStub<DynamoDBDocumentClient>;
type Call = ReturnType<DbMock['calls']>[number];

/** The users exist: the wrapper's profile read finds each one's profile (with `overrides`). */
export function givenProfiles(db: DbMock, ...userIds: string[]): void {
  for (const userId of userIds) givenProfile(db, userId);
}

export function givenProfile(db: DbMock, userId: string, overrides: Partial<Profile> = {}): void {
  db.on(GetCommand, { Key: ProfileEntity.key(userId) }).resolves({ Item: profileItem({ ...overrides, userId }) });
}

const isProfileRead = (call: { args: readonly unknown[] }) => {
  const command = call.args[0];
  return command instanceof GetCommand && command.input.Key?.sk === 'PROFILE';
};

/** The calls the handler made itself: every call but the wrapper's profile read. */
export function handlerCalls(db: DbMock): Call[] {
  return db.calls().filter((call) => !isProfileRead(call));
}

/** The GetCommand inputs the handler sent itself, in order (the profile read left out). */
export function handlerGets(db: DbMock) {
  return db
    .commandCalls(GetCommand)
    .filter((call) => !isProfileRead(call))
    .map((call) => call.args[0].input);
}
