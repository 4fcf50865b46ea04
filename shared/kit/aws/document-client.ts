/**
 * The DynamoDB document client, created once per execution environment (module scope), like the
 * other SDK clients (./clients.ts). It has a module of its own because @aws-sdk/lib-dynamodb is not
 * free of side effects: any function importing it bundles and loads the DynamoDB client, so next to
 * the others it cost every function without a table (the Cognito routes, the stream publisher)
 * about 40 KB of bundle and its share of cold start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshallOptions } from '../dynamodb/unmarshall-options';
import { stampWrites } from '../dynamodb/write-context';

let dynamo: DynamoDBDocumentClient | undefined;

/**
 * Built on first use, then reused across invocations. Every write it makes inside a write context
 * carries who made it (../dynamodb/write-context.ts).
 */
export function documentClient(): DynamoDBDocumentClient {
  if (!dynamo) {
    dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
      unmarshallOptions: unmarshallOptions(),
    });
    stampWrites(dynamo);
  }
  return dynamo;
}
