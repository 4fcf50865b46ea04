/** What the Lambda of an operation or a consumer may touch; the stack grants exactly this and nothing else. */
export type Grants = {
  /**
   * Instead of `table`: item actions on the table (TABLE_NAME) limited to items whose partition key
   * starts with `pkPrefix` (an IAM `dynamodb:LeadingKeys` condition), no index, no Query: a
   * function that keeps its own items outside every user's partition (e.g. a failure counter).
   */
  tableItems?: { pkPrefix: string; actions: readonly ('GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem')[] };
  /**
   * DynamoDB access to the single table (TABLE_NAME). `authorize`: the API's authorizer only,
   * GetItem, and UpdateItem of items whose key starts with `APITOKEN#` (a token's last use).
   */
  table?: 'read' | 'readWrite' | 'authorize';
  /** Needs the user pool and app client ids (USER_POOL_ID, USER_POOL_CLIENT_ID). */
  userPool?: boolean;
  /** Cognito admin actions on the pool (IAM). Public client APIs (SignUp, InitiateAuth …) need none. */
  cognitoActions?: readonly string[];
  /** Publishes to the Moneta event bus (EVENT_BUS_NAME). */
  putEvents?: boolean;
  /** Reads the Moneta event bus's description (EVENT_BUS_NAME), to tell whether it answers. */
  describeBus?: boolean;
  /** Sends email with SES v2 (SENDER_EMAIL, SES_CONFIGURATION_SET). */
  sendEmail?: boolean;
  /**
   * Objects in the private files bucket (FILES_BUCKET): `read` may GetObject (and so sign download
   * links), `write` may PutObject (and so sign upload grants), `readWrite` both. A presigned URL
   * carries exactly the permissions of the function that signed it. `erase` may list the bucket
   * and DeleteObject, to remove a deleted user's files (and nothing else). `delete` may
   * DeleteObject only (a function that deletes the objects it knows the keys of).
   */
  files?: 'read' | 'write' | 'readWrite' | 'erase' | 'delete';
  /**
   * Narrows the object actions of `files` to keys under one root of the files layout
   * (shared/kit/aws/files-layout.ts, e.g. `attachments/`): a presigned URL the function signs
   * cannot reach another feature's files either. None: the whole bucket's objects.
   */
  filesUnder?: string;
  /**
   * Calls Stripe with the deployment's Stripe keys, read from the Stripe secret (STRIPE_SECRET_ID,
   * and STRIPE_API_URL where Stripe is reached at another address). Only where Stripe is enabled.
   */
  stripe?: boolean;
  /**
   * Makes requests to users' webhook targets (outbound HTTPS, no AWS permission). Its environment
   * carries the target policy: WEBHOOK_ALLOW_LOCAL_HTTP only where the deployment allows plain
   * http and loopback targets (the local cloud), never on AWS.
   */
  webhooks?: boolean;
  /**
   * Reads the webhook key ring (WEBHOOK_KEYS_PARAMETER: ssm:GetParameter on that one Parameter Store
   * SecureString, decrypted with the AWS-managed key `alias/aws/ssm`), the key ring that seals and
   * opens webhook signing secrets (shared/webhooks/secret-box.ts): only the functions that make or
   * use one.
   */
  webhookKeys?: boolean;
  /**
   * Creates the webhook key ring parameter (WEBHOOK_KEYS_PARAMETER) when it does not exist, and
   * deletes it where the deployment's removal policy says so: ssm:PutParameter and
   * ssm:DeleteParameter on that one parameter, no GetParameter. The deploy-time custom resource only.
   */
  webhookKeysCreate?: boolean;
};
