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
    /** Secondary listing within one user: by account, by category, by external id, … */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** A second listing axis for items that need two (e.g. a transaction by category and by account). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
