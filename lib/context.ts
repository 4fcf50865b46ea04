/**
 * Deploy-time choices, read from CDK context (`cdk.json` or `-c key=value`) and validated once, so
 * a typo fails the synth with the key's name instead of deploying something nobody asked for.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import * as z from 'zod';
import { DEFAULT_STACK_NAME } from './catalog/functions';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS } from './catalog/logging';
import type { FunctionObservability } from './constructs/moneta-function';
import { type DeployTarget, TARGETS, targetProfile } from './localstack/profile';

/** Lets tests synthesize without configuration; the CLI refuses to deploy it (lib/constructs/notifications.ts). */
const DEFAULT_SENDER_EMAIL = 'no-reply@example.com';
/** `alarmEmail: "none"`: deploy without an alarm subscriber, on purpose (alarms still show in the console). */
export const NO_ALARM_EMAIL = 'none';
const DEFAULT_APP_NAME = 'Moneta';

export { type DeployTarget, TARGETS } from './localstack/profile';

// `-c corsOrigins=https://a.example,https://b.example` arrives as one string; cdk.json may hold a list.
const originList = z.union([
  z.array(z.string().min(1)).min(1),
  z
    .string()
    .min(1)
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.string()).min(1)),
]);

const contextSchema = z.object({
  // CloudFormation stack names: a letter, then letters, digits and hyphens.
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must start with a letter and hold only letters, digits and hyphens')
    .default(DEFAULT_STACK_NAME),
  removalPolicy: z.enum(['retain', 'destroy']).default('retain'),
  corsOrigins: originList.default(['*']),
  senderEmail: z.email().optional(),
  // `create`: the stack creates (and on delete removes) the SES identity of senderEmail. `existing`:
  // the address, or its domain, is already an identity in this account and region (verified by
  // hand, or owned by another stack); the stack only sends with it.
  senderIdentity: z.enum(['create', 'existing']).default('create'),
  alarmEmail: z.union([z.email(), z.literal(NO_ALARM_EMAIL)]).optional(),
  appName: z.string().trim().min(1).max(64).default(DEFAULT_APP_NAME),
  // `-c apiRoutes=off` deploys the API without routes: the first step of moving a stack deployed
  // before the feature stacks existed (docs/architecture.md, "Migrating a deployed stack").
  apiRoutes: z.enum(['on', 'off']).default('on'),
  // X-Ray active tracing on every function. Off by default: at a trace per invocation it was the
  // largest cost of a transaction (docs/cost.md). On, Lambda samples (the first request each
  // second, then 5 %).
  tracing: z.enum(['on', 'off']).default('off'),
  // Every function's log level (Lambda's application log level, which Powertools follows): INFO
  // logs what each invocation did that matters (the audit line, problems); DEBUG adds each step's
  // detail and Lambda's START/REPORT records; WARN keeps only problems (lib/catalog/logging.ts).
  logLevel: z.enum(LOG_LEVELS).default(DEFAULT_LOG_LEVEL),
  // `-c stripe=on` creates the Stripe secret (its value is put by the deployer, never by the
  // stack: docs/payments.md) and lets the payment functions read it. Off: no secret, no access.
  stripe: z.enum(['on', 'off']).default('off'),
  // Where the stack is deployed: `aws`, or `localstack`, the profile that synthesizes only what
  // LocalStack's CloudFormation supports (docs/localstack.md): no SES identity (it implies
  // `senderIdentity: existing`), no SES configuration set and no bus archive.
  target: z.enum(TARGETS).default('aws'),
  // The functions' instruction set. arm64 on AWS (cheaper per GB-second); x86_64 lets an emulator
  // on an x86 host run them without `LAMBDA_IGNORE_ARCHITECTURE=1`.
  architecture: z.enum(['arm64', 'x86_64']).default('arm64'),
  // The issuer of the access tokens the API's authorizer accepts (a full URL). Default: the stack's
  // own user pool; set it to trust another pool's tokens (e.g. one kept across stacks), or on
  // LocalStack, whose Cognito issues tokens under its own http:// issuer (docs/localstack.md).
  jwtIssuer: z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' }).optional(),
});

export type MonetaContext = {
  stackName: string;
  /** What happens to stateful resources (table, user pool, log groups) when the stack is deleted. */
  removalPolicy: RemovalPolicy;
  corsOrigins: string[];
  senderEmail: string;
  /** True when no `senderEmail` was given and the placeholder is used. */
  senderEmailIsPlaceholder: boolean;
  senderIdentity: 'create' | 'existing';
  /** Who receives the alarms; undefined with `alarmEmail: "none"` or when not set. */
  alarmEmail?: string;
  /** True when no `alarmEmail` was given at all (not even `none`). */
  alarmEmailMissing: boolean;
  appName: string;
  /** False for the one migration deploy that takes every route off the API. */
  apiRoutes: boolean;
  /** Functions as the deploy settings want them observed (see the schema above). */
  observability: FunctionObservability;
  /** Payments through the deployer's Stripe account (the Stripe secret exists). */
  stripe: boolean;
  target: DeployTarget;
  /** The bus archive (replay) exists; not on LocalStack, whose CloudFormation lacks AWS::Events::Archive. */
  eventArchive: boolean;
  /** The SES configuration set exists and every send names it; not on LocalStack (no AWS::SES::ConfigurationSet). */
  sesConfigurationSet: boolean;
  architecture: 'arm64' | 'x86_64';
  /** The access tokens' issuer, when not the stack's own pool. */
  jwtIssuer?: string;
};

const keys = Object.keys(contextSchema.shape) as (keyof typeof contextSchema.shape)[];

/** Reads and validates Moneta's context keys; throws naming the key at fault. */
export function readContext(node: Node): MonetaContext {
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = node.tryGetContext(key);
    // An empty `-c alarmEmail=` means "not set", not "an invalid address".
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(context)'}: ${issue.message}`);
    throw new Error(`Invalid CDK context: ${problems.join('; ')}`);
  }
  const value = parsed.data;
  const profile = targetProfile(value.target);
  // The profile's SES identity setting is the only one that works there: a contrary choice is an error.
  if (profile.senderIdentity && raw.senderIdentity !== undefined && raw.senderIdentity !== profile.senderIdentity) {
    throw new Error(
      `Invalid CDK context: senderIdentity: target ${value.target} needs senderIdentity=${profile.senderIdentity} (${profile.senderIdentityReason})`,
    );
  }
  return {
    stackName: value.stackName,
    removalPolicy: value.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    corsOrigins: value.corsOrigins,
    senderEmail: value.senderEmail ?? DEFAULT_SENDER_EMAIL,
    senderEmailIsPlaceholder: value.senderEmail === undefined,
    senderIdentity: profile.senderIdentity ?? value.senderIdentity,
    alarmEmail: value.alarmEmail === NO_ALARM_EMAIL ? undefined : value.alarmEmail,
    alarmEmailMissing: value.alarmEmail === undefined,
    appName: value.appName,
    apiRoutes: value.apiRoutes === 'on',
    observability: { tracing: value.tracing === 'on', logLevel: value.logLevel },
    stripe: value.stripe === 'on',
    target: value.target,
    eventArchive: profile.eventArchive,
    sesConfigurationSet: profile.sesConfigurationSet,
    architecture: value.architecture,
    ...(value.jwtIssuer ? { jwtIssuer: value.jwtIssuer.replace(/\/+$/, '') } : {}),
  };
}
