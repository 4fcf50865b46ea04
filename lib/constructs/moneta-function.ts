/**
 * The one way Moneta builds a Lambda function: Node 22 on arm64, bundled exactly as the local cloud
 * bundles it, with its own log group and role, and with exactly the grants its catalog spec names.
 * Nothing else grants a function anything, so lib/catalog/functions.ts is the whole truth about
 * what a function may touch.
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Names, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { bundlingDefaults } from '../catalog/bundling';
import { environmentFor, type ResourceNames } from '../catalog/environment';
import { USER_FILE_ROOTS } from '../catalog/files';
import type { FunctionSpec } from '../catalog/functions';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from '../catalog/functions';
import { functionLogging, type LogLevel } from '../catalog/logging';
import { grantWebhookKeysCreate, grantWebhookKeysRead } from './webhook-keys';

// Under jest this module is CommonJS (__dirname); under tsx and the CDK CLI it is ESM (import.meta).
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** The repository root: catalog entries are relative to it. */
export const repoRoot = resolve(here, '..', '..');

/** `me-get` → `MeGet`: readable construct ids and logical ids. */
export const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase());

/** How functions are observed, from the deploy settings (lib/context.ts: `tracing`, `logLevel`). */
export type FunctionObservability = { tracing: boolean; logLevel: LogLevel };

/** The resources a function may be bound to; which of them it gets is decided by its spec. */
export type FunctionBindings = {
  names: ResourceNames;
  table: ITable;
  bus: IEventBus;
  userPoolArn: string;
  /** The private files bucket (lib/constructs/files.ts). */
  filesBucket: IBucket;
  /** The Stripe keys (lib/constructs/stripe-secret.ts), when the deployment enables Stripe. */
  stripeSecret?: ISecret | undefined;
  /** The webhook key ring's parameter name (lib/constructs/webhook-keys.ts). */
  webhookKeysParameter: string;
  /** Permission to send email as the sender (Notifications.sendingStatement), one per function. */
  emailSending: () => PolicyStatement;
  /** Tracing and log level, from the deploy settings (lib/context.ts). */
  observability: FunctionObservability;
  /** The instruction set, from the deploy settings (lib/context.ts `architecture`); arm64 when absent. */
  architecture?: 'arm64' | 'x86_64';
};

type MonetaFunctionProps = {
  spec: FunctionSpec;
  bindings: FunctionBindings;
  removalPolicy: RemovalPolicy;
  /** Merged over the catalog environment (never replaces it). */
  environment?: Record<string, string>;
};

export class MonetaFunction extends NodejsFunction {
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: MonetaFunctionProps) {
    const { spec, bindings } = props;
    // Created beside the function (it does not exist yet): an explicit log group gets a retention and
    // a removal policy, and an explicit role needs no AWSLambdaBasicExecutionRole (logs:* on *).
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${spec.id}`,
    });
    logGroup.grantWrite(role);
    // JSON logs filtered by level, application and system alike (lib/catalog/logging.ts says why).
    const logging = functionLogging(bindings.observability.logLevel);

    super(scope, id, {
      description: spec.description,
      entry: resolve(repoRoot, spec.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: bindings.architecture === 'x86_64' ? Architecture.X86_64 : Architecture.ARM_64,
      timeout: Duration.seconds(spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      memorySize: spec.memoryMb ?? DEFAULT_MEMORY_MB,
      tracing: bindings.observability.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel[logging.applicationLogLevel],
      systemLogLevelV2: SystemLogLevel[logging.systemLogLevel],
      role,
      environment: { ...environmentFor(spec, bindings.names), ...props.environment },
      depsLockFilePath: resolve(repoRoot, 'package-lock.json'),
      projectRoot: repoRoot,
      bundling: {
        format: OutputFormat.ESM,
        target: bundlingDefaults.target,
        minify: bundlingDefaults.minify,
        sourceMap: bundlingDefaults.sourcemap,
        sourcesContent: bundlingDefaults.sourcesContent,
        keepNames: bundlingDefaults.keepNames,
        mainFields: [...bundlingDefaults.mainFields],
        banner: bundlingDefaults.banner,
        loader: { ...bundlingDefaults.loader },
        // Bundle the AWS SDK too (NodejsFunction leaves it out by default on Node 22): the version
        // tested here is the version that runs, on AWS and in the local cloud alike.
        externalModules: [],
        // The metafile would only be uploaded with the code; the infra tests make their own.
        metafile: false,
      },
    });
    this.spec = spec;
    this.grantFromSpec(bindings);

    const pinnedNode =
      'Node 22 is pinned on purpose: the bundles target node22 and the local cloud runs the same Node; moving to 24 is a deliberate upgrade.';
    Validations.of(this).acknowledge({ id: 'AwsSolutions-L1', reason: pinnedNode });
    Validations.of(this).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: pinnedNode });
    if (!bindings.observability.tracing) {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaTracing',
        reason:
          'Tracing is a deploy setting (`tracing: on`), off by default: a trace per invocation was the largest cost of a transaction, and every JSON log line carries the request id of its invocation.',
      });
    }
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'No function needs a DLQ: API Gateway, Cognito, the stream mapping and CloudFormation invoke synchronously and see the error; consumers send failed asynchronous invocations to their on-failure destination, the retry queue (which supersedes a DLQ); a missed run of the scheduled retrier is made up by the next.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Resource * only where IAM has no resource-level permission: X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and, for the stream consumer, dynamodb:ListStreams.',
    });
  }

  private grantFromSpec(bindings: FunctionBindings): void {
    const { spec } = this;
    if (spec.table === 'read') bindings.table.grantReadData(this);
    if (spec.table === 'readWrite') bindings.table.grantReadWriteData(this);
    if (spec.table === 'authorize') {
      // GetItem (session state, a token by hash), and writing a token's last use: nothing else.
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [bindings.table.tableArn] }),
      );
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [bindings.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APITOKEN#*'] } },
        }),
      );
    } else if (spec.table) {
      Validations.of(this.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${arnAsNagSees(this, bindings.table.node.defaultChild as CfnTable)}/index/*]`,
        reason: 'Queries on the single table use its GSIs; the grant names the table and only its own indexes.',
      });
    }
    if (spec.tableItems) {
      // The items under one partition-key prefix only: IAM checks every key the request names.
      this.addToRolePolicy(
        new PolicyStatement({
          actions: spec.tableItems.actions.map((action) => `dynamodb:${action}`),
          resources: [bindings.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${spec.tableItems.pkPrefix}*`] } },
        }),
      );
    }
    if (spec.requestLimits && spec.table !== 'readWrite') {
      // The request limiter's one write, on its own items only (shared/kit/dynamodb/rate-limiter.ts).
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [bindings.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#*'] } },
        }),
      );
    }
    if (spec.putEvents) bindings.bus.grantPutEventsTo(this);
    if (spec.describeBus) {
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['events:DescribeEventBus'], resources: [bindings.bus.eventBusArn] }),
      );
    }
    if (spec.sendEmail) {
      this.addToRolePolicy(bindings.emailSending());
      Validations.of(this.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
        reason:
          'SES authorizes a send against the sender identity (address or domain) and, in the sandbox, each recipient identity; the statement is narrowed to the sender by its ses:FromAddress condition.',
      });
    }
    if (spec.files === 'erase') {
      // The eraser finds a deleted user's objects by their prefix: listing the bucket (only under
      // the user prefixes, shared/kit/aws/files-layout.ts), and deleting.
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bindings.filesBucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': USER_FILE_ROOTS.map((root) => `${root}*`) } },
        }),
      );
    }
    if (spec.files) {
      // Objects only, never the bucket's configuration: a function knows the keys it wrote, and a
      // presigned URL can do no more than the role that signed it.
      const actions = {
        read: ['s3:GetObject'],
        write: ['s3:PutObject'],
        readWrite: ['s3:GetObject', 's3:PutObject'],
        erase: ['s3:DeleteObject'],
        delete: ['s3:DeleteObject'],
      }[spec.files];
      const objects = `${spec.filesUnder ?? ''}*`;
      this.addToRolePolicy(new PolicyStatement({ actions, resources: [bindings.filesBucket.arnForObjects(objects)] }));
      Validations.of(this.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${arnAsNagSees(this, bindings.filesBucket.node.defaultChild as CfnBucket)}/${objects}]`,
        reason:
          "Object actions need the bucket's objects (`<bucket ARN>/*`); the keys are the users' own files, chosen at run time, so no narrower ARN exists at deploy time.",
      });
    }
    // Without Stripe enabled there is no secret, and a function that would call Stripe gets nothing.
    if (spec.stripe && bindings.stripeSecret) bindings.stripeSecret.grantRead(this);
    if (spec.webhookKeys) grantWebhookKeysRead(this, bindings.webhookKeysParameter);
    if (spec.webhookKeysCreate) grantWebhookKeysCreate(this, bindings.webhookKeysParameter);
    if (spec.cognitoActions && spec.cognitoActions.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({ actions: [...spec.cognitoActions], resources: [bindings.userPoolArn] }),
      );
    }
  }
}

/**
 * How cdk-nag spells a root resource's ARN (the table's, the bucket's) in a finding:
 * `<Table1234.Arn>` in the resource's own stack, and in a nested stack
 * `<referencetoMoneta…Table1234Arn>`, the parameter CDK makes for the reference
 * (aws-cdk-lib core/lib/private/refs.ts: `reference-to-${nodeUniqueId(target)}${attribute}`).
 */
function arnAsNagSees(scope: Construct, resource: CfnTable | CfnBucket): string {
  const ownStack = Stack.of(resource);
  const here = Stack.of(scope);
  if (here === ownStack) return `<${ownStack.getLogicalId(resource)}.Arn>`;
  if (here.nestedStackParent !== ownStack) {
    throw new Error('A function must be in the root stack or in a stack nested directly in it');
  }
  return `<${`reference-to-${Names.nodeUniqueId(resource.node)}Arn`.replace(/[^A-Za-z0-9]/g, '')}>`;
}
