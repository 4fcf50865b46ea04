/**
 * Reads and writes of session state and API tokens. The authorizer's two reads are GetItems by key
 * (the session state, a token by its hash); listing a user's tokens queries gsi1.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  API_TOKEN_TYPE,
  type ApiToken,
  apiTokenKey,
  apiTokensOfUser,
  SESSION_STATE_TYPE,
  type SessionState,
  sessionStateKey,
} from './items';

/**
 * The longest an access token can live (Cognito allows up to a day). A refused session stays
 * refused this long after its logout, which outlives every access token issued from it; then its
 * entry is pruned. The session state itself expires (TTL) this long after its last change.
 */
export const ACCESS_TOKEN_MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/** How often a token's last use is written at most: a busy script costs one write a minute, not one a request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const MAX_API_TOKENS_PER_USER = 20;

type StoredToken = ApiToken & { secretHash: string };

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(deps: { db: DynamoDBDocumentClient; tableName: string }) {
  const { db, tableName } = deps;

  async function readState(userId: string): Promise<SessionState> {
    const { Item } = await db.send(
      // Strongly consistent: a logout is seen by the next authorization that reads, not later.
      new GetCommand({ TableName: tableName, Key: sessionStateKey(userId), ConsistentRead: true }),
    );
    return { validAfter: Number(Item?.validAfter ?? 0), revoked: (Item?.revoked as Record<string, number>) ?? {} };
  }

  async function writeState(userId: string, state: SessionState, nowSeconds: number): Promise<void> {
    const revoked = Object.fromEntries(Object.entries(state.revoked).filter(([, until]) => until > nowSeconds));
    const horizon = Math.max(state.validAfter + ACCESS_TOKEN_MAX_LIFETIME_SECONDS, ...Object.values(revoked));
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...sessionStateKey(userId),
          type: SESSION_STATE_TYPE,
          validAfter: state.validAfter,
          revoked,
          expiresAt: horizon,
        },
      }),
    );
  }

  function toToken(item: Record<string, unknown>): StoredToken {
    return {
      tokenId: String(item.tokenId),
      userId: String(item.userId),
      name: String(item.name),
      scopes: item.scopes as ApiToken['scopes'],
      createdAt: String(item.createdAt),
      expiresAt: (item.tokenExpiresAt as string | null | undefined) ?? null,
      lastUsedAt: (item.lastUsedAt as string | null | undefined) ?? null,
      secretHash: String(item.secretHash),
    };
  }

  async function listTokens(userId: string): Promise<StoredToken[]> {
    const { Items } = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': apiTokensOfUser(userId) },
        // The cap keeps this one page.
        Limit: MAX_API_TOKENS_PER_USER * 2,
      }),
    );
    return (Items ?? []).map(toToken);
  }

  return {
    readState,

    /**
     * One session ended: every access token with this origin_jti (the one it was issued with, and
     * those refreshed from it) is refused until the longest of them has expired.
     */
    async revokeSession(userId: string, originJti: string, nowSeconds: number): Promise<void> {
      const state = await readState(userId);
      state.revoked[originJti] = nowSeconds + ACCESS_TOKEN_MAX_LIFETIME_SECONDS;
      await writeState(userId, state, nowSeconds);
    },

    /**
     * Every session ended: every token issued until now is refused, and every API token is deleted.
     * A token's `iat` counts whole seconds, so one issued earlier in this same second must count as
     * before: tokens are valid from the next second on (a sign-in later in this second is refused
     * too, and signs in again).
     */
    async endAllSessions(userId: string, nowSeconds: number): Promise<void> {
      const state = await readState(userId);
      state.validAfter = Math.max(state.validAfter, nowSeconds + 1);
      await writeState(userId, state, nowSeconds);
      for (const token of await listTokens(userId)) {
        await db.send(new DeleteCommand({ TableName: tableName, Key: apiTokenKey(token.secretHash) }));
      }
    },

    async findToken(secretHash: string): Promise<StoredToken | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: apiTokenKey(secretHash), ConsistentRead: true }),
      );
      return Item?.type === API_TOKEN_TYPE ? toToken(Item) : undefined;
    },

    async listTokens(userId: string): Promise<ApiToken[]> {
      return (await listTokens(userId)).map(({ secretHash: _, ...token }) => token);
    },

    async countTokens(userId: string): Promise<number> {
      return (await listTokens(userId)).length;
    },

    async createToken(token: ApiToken, secretHash: string): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...apiTokenKey(secretHash),
            type: API_TOKEN_TYPE,
            tokenId: token.tokenId,
            userId: token.userId,
            name: token.name,
            scopes: token.scopes,
            createdAt: token.createdAt,
            tokenExpiresAt: token.expiresAt,
            lastUsedAt: null,
            secretHash,
            gsi1pk: apiTokensOfUser(token.userId),
            gsi1sk: `${token.createdAt}#${token.tokenId}`,
            // DynamoDB removes an expired token within days; the authorizer refuses it from its expiry on.
            ...(token.expiresAt ? { expiresAt: Math.ceil(Date.parse(token.expiresAt) / 1000) } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Deletes the caller's token by id; false when they have none with that id (someone else's included). */
    async deleteToken(userId: string, tokenId: string): Promise<boolean> {
      const token = (await listTokens(userId)).find((candidate) => candidate.tokenId === tokenId);
      if (!token) return false;
      await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: apiTokenKey(token.secretHash),
          ConditionExpression: 'userId = :userId',
          ExpressionAttributeValues: { ':userId': userId },
        }),
      );
      return true;
    },

    /** Records a use, at most once per LAST_USED_RESOLUTION_MS (a conditional write that fails cheaply otherwise). */
    async touchToken(secretHash: string, now: Date): Promise<void> {
      const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: apiTokenKey(secretHash),
            UpdateExpression: 'SET lastUsedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_type(lastUsedAt, :null) OR lastUsedAt < :before)',
            ExpressionAttributeValues: { ':now': now.toISOString(), ':before': before, ':null': 'NULL' },
          }),
        );
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    },
  };
}
