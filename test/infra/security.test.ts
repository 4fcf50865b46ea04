import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnEventBus } from 'aws-cdk-lib/aws-events';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type FunctionId, functionSpec, functions } from '../../lib/catalog/functions';
import { routes } from '../../lib/catalog/routes';
import { buildApp } from '../../lib/moneta-stack';
import {
  actionsOf,
  CONFIGURED,
  lambdaResource,
  logicalId,
  roleLogicalId,
  rolesAllowed,
  type Statement,
  type Synthesized,
  statementsOfRole,
  synthesize,
  templateOfFunction,
} from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const statementsOf = (id: FunctionId) =>
  statementsOfRole(templateOfFunction(synth, id), roleLogicalId(synth.stack, id));
const rolesOf = (predicate: (spec: (typeof functions)[number]) => boolean) =>
  functions
    .filter(predicate)
    .map((spec) => roleLogicalId(synth.stack, spec.id))
    .sort();

describe('least privilege', () => {
  /** The statements that write the table, but for the request limiter's (its own items only). */
  const isLimiterStatement = (statement: Statement) =>
    JSON.stringify(actionsOf([statement])) === JSON.stringify(['dynamodb:UpdateItem']) &&
    JSON.stringify((statement as Statement & { Condition?: unknown }).Condition) ===
      JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#*'] } });

  it("me-get can read the table and write nothing but its caller's request budget", () => {
    const statements = statementsOf('me-get');
    expect(actionsOf(statements)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    const others = actionsOf(statements.filter((statement) => !isLimiterStatement(statement)));
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(others).not.toContain(write);
    }
    expect(statements.filter(isLimiterStatement)).toHaveLength(1);
  });

  // Every operation with a request budget (every authenticated one, the public /v1/auth ones) may
  // update the limiter's items, through its table grant or the narrow statement.
  it.each(functions.filter((spec) => 'requestLimits' in spec && spec.requestLimits))(
    '$id may update its request budget (TABLE_NAME set)',
    (spec) => {
      const statements = statementsOf(spec.id);
      if (spec.table !== 'readWrite') expect(statements.filter(isLimiterStatement)).toHaveLength(1);
      expect(actionsOf(statements)).toContain('dynamodb:UpdateItem');
    },
  );

  // The API wrapper reads the caller's profile on every authenticated route outside /v1/auth/*
  // (a deleted user's token is refused with 401): each of those functions needs that GetItem.
  it.each(
    routes
      .filter((route) => route.auth === 'jwt' && !route.path.startsWith('/v1/auth/'))
      .map((route) => route.function),
  )('%s may read the caller profile (GetItem on the table, TABLE_NAME set)', (id) => {
    expect(actionsOf(statementsOf(id))).toContain('dynamodb:GetItem');
    expect(functionSpec(id).table).toBeDefined();
  });

  // The public auth routes act before anyone is signed in: no user's partition is theirs to touch.
  // (Signing out is an authenticated route that writes the caller's own session state.)
  const publicAuthFunctions = new Set(
    routes
      .filter((route) => route.auth === 'none' && route.function.startsWith('auth-'))
      .map((route) => route.function),
  );
  it.each(functions.filter((spec) => publicAuthFunctions.has(spec.id) && spec.id !== 'auth-login-mfa'))(
    '$id has no DynamoDB access but to its request budget',
    (spec) => {
      const statements = statementsOf(spec.id).filter((statement) => !isLimiterStatement(statement));
      expect(actionsOf(statements).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    },
  );

  // Answering an MFA challenge counts the user's failed codes, in a counter outside any user's
  // partition (shared/identity/failure-throttle.ts): it may touch those items and nothing else.
  it('auth-login-mfa may get, update and delete the MFA failure counters only, no other item, index or Query', () => {
    expect(functionSpec('auth-login-mfa').table).toBeUndefined();
    const dynamo = statementsOf('auth-login-mfa').filter(
      (statement) =>
        !isLimiterStatement(statement) && actionsOf([statement]).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem']);
    // The table's ARN alone (a reference to it, in the identity feature's nested stack): no index.
    expect(Array.isArray(dynamo[0]!.Resource)).toBe(false);
    expect(JSON.stringify(dynamo[0]!.Resource)).toMatch(/Table/);
    expect(JSON.stringify(dynamo[0]!.Resource)).not.toContain('index');
    expect(dynamo[0]!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['THROTTLE#MFA#*'] },
    });
  });

  it('only the notifier may send email, and only as its identity with its configuration set', () => {
    expect(rolesAllowed(synth.stacks, 'ses:SendEmail').sort()).toEqual(rolesOf((spec) => 'sendEmail' in spec));
    expect(rolesAllowed(synth.stacks, 'ses:SendEmail')).toEqual([roleLogicalId(synth.stack, 'notifier')]);
    const send = statementsOf('notifier').find((statement) => actionsOf([statement]).includes('ses:SendEmail'));
    const resources = JSON.stringify(send?.Resource);
    expect(resources).toContain(':identity/');
    expect(resources).toContain(':configuration-set/');
    expect(resources).not.toMatch(/"\*"/);
  });

  it.each(['stream-publisher', 'consumer-retrier'] as const)(
    'only the publisher and the retrier (which publishes what the publisher parked) may put events: %s, on the Moneta bus',
    (id) => {
      expect(rolesAllowed(synth.stacks, 'events:PutEvents').sort()).toEqual(
        [roleLogicalId(synth.stack, 'stream-publisher'), roleLogicalId(synth.stack, 'consumer-retrier')].sort(),
      );
      const put = statementsOf(id).filter((statement) => actionsOf([statement]).includes('events:PutEvents'));
      const busId = logicalId(synth.stack, synth.stack.events.bus.node.defaultChild as CfnEventBus);
      expect(put.map((statement) => statement.Resource)).toEqual([{ 'Fn::GetAtt': [busId, 'Arn'] }]);
    },
  );

  it('no statement allows every action, and no Cognito admin action reaches beyond the pool', () => {
    const all: Statement[] = synth.stacks.flatMap(({ template }) =>
      Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) => statementsOfRole(template, roleId)),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const statement of all) {
      for (const action of actionsOf([statement])) {
        expect(action).not.toBe('*');
        expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
        if (action.startsWith('cognito-idp:')) expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
      }
    }
  });

  it('uses no AWS managed policy (no AWSLambdaBasicExecutionRole: logs go to named groups only)', () => {
    for (const { template } of synth.stacks) {
      for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    }
  });

  it('lets each function write logs only to its own log group', () => {
    for (const spec of functions) {
      const logs = statementsOf(spec.id).filter((statement) =>
        actionsOf([statement]).some((a) => a.startsWith('logs:')),
      );
      const group = lambdaResource(synth, spec.id).Properties.LoggingConfig.LogGroup.Ref as string;
      expect(logs.map((statement) => statement.Resource)).toEqual([{ 'Fn::GetAtt': [group, 'Arn'] }]);
    }
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('finds nothing unacknowledged in the stack', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(synth.app);
    const findings = report.violations.map(
      (violation) =>
        `${violation.severity} ${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('would catch a finding: an unacknowledged violation is reported', () => {
    // Guards the test above against passing vacuously (e.g. a pack that checks nothing).
    const { app } = synthesize();
    new Queue(app.node.findChild('Moneta'), 'Probe', { enforceSSL: false });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
  });

  it('would catch a finding in a feature (nested) stack too', () => {
    const { app, stack } = synthesize();
    const feature = stack.features.get('accounts');
    if (!feature) throw new Error('No accounts feature stack');
    new Queue(feature, 'Probe', { enforceSSL: false });
    const report = new AwsSolutionsChecks().validateScope(app);
    const paths = report.violations.flatMap((violation) => violation.violatingResources.map((r) => r.constructPath));
    expect(paths).toEqual(expect.arrayContaining([expect.stringContaining('AccountsApi/Probe')]));
  });

  it('gives every acknowledgement a specific reason', () => {
    const resources = synth.stacks.flatMap(({ template }) =>
      Object.values(template.toJSON().Resources as Record<string, { Metadata?: unknown }>),
    );
    const acknowledged = resources.flatMap(
      (resource) =>
        (resource.Metadata as { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } })?.cdk_nag
          ?.rules_to_suppress ?? [],
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const rule of acknowledged) {
      expect(rule.id).toMatch(/^(AwsSolutions|Serverless)-/);
      expect(rule.reason.length).toBeGreaterThanOrEqual(20);
    }
    // Both packs run: the Serverless pack's acknowledgements are there too.
    expect(acknowledged.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(['Serverless-LambdaDLQ', 'Serverless-SQSRedrivePolicy']),
    );
  });

  it('fails the synth on a Serverless pack finding nobody acknowledged (a rule target without a DLQ)', () => {
    const { stack } = buildApp({ ...CONFIGURED, 'aws:cdk:bundling-stacks': [] });
    const probe = new Rule(stack, 'ProbeRule', { schedule: Schedule.rate(Duration.hours(1)) });
    probe.addTarget(new LambdaFunction(stack.functions.notifier));
    expect(() => Template.fromStack(stack)).toThrow(/Serverless-EventBusDLQ/);
  });

  it('reports no errors as annotations either', () => {
    // Nested stacks are not artifacts of their own: their constructs' annotations are the root's.
    Annotations.fromStack(synth.stack).hasNoError('*', Match.anyValue());
  });
});
