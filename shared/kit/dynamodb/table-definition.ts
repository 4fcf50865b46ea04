/**
 * The single table's physical shape, as plain data.
 *
 * The CDK data construct and the local cloud both build the table from this object, so keys,
 * indexes, the stream and the TTL attribute cannot drift between AWS and a laptop.
 * Key *values* are built in ./keys.ts; this file only names the attributes.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every item carries its entity type here; the stream publisher maps it to an event name. */
  typeAttribute: 'type',
  /** DynamoDB TTL attribute (epoch seconds). Deletions it causes are not published as events. */
  ttlAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Transactions of a user by date (`USER#<sub>#TXN` / `<date>#<id>`); the notification log (`USER#<sub>#NOTIFY` / `<createdAt>#<factId>`). */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Transactions of one account by date (`USER#<sub>#ACCOUNT#<id>` / `<date>#<id>`). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Transactions of one category by date (`USER#<sub>#CATEGORY#<id>` / `<date>#<id>`). */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /**
     * Transactions whose conversion awaits the ECB's rate of their day (`PROVISIONAL#ECB` /
     * `<awaited day>#<sub>#<id>`): sparse, so it holds only the few converted before the rate existed.
     */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /**
     * Transactions of one payee by date (`USER#<sub>#PAYEE#<payeeId>` / `<date>#<id>`): sparse, only
     * entries with a payee. Renames and merges find a payee's transactions here, never by a Scan.
     */
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
