/**
 * What a first deploy into a fresh account needs: settings that a later deploy cannot forget, a
 * sender that can actually send (also from an existing identity, also in the SES sandbox), alarms
 * that CloudWatch may publish and someone receives, and outputs a client can use as they are.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { readSettingsFile } from '../../lib/settings';
import { resourcesOfType, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
  Principal?: unknown;
};
const statementsOf = (target: Synthesized, type: string) =>
  resourcesOfType(target.stacks, type).flatMap(
    ({ resource }) => (resource.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
const actions = (statement: Statement) => [statement.Action].flat();
const sendStatements = (target: Synthesized) =>
  statementsOf(target, 'AWS::IAM::Policy').filter((statement) => actions(statement).includes('ses:SendEmail'));

describe('sender', () => {
  it('refuses to deploy the placeholder sender, saying how to set one', () => {
    const unconfigured = synthesize({ senderEmail: undefined });
    Annotations.fromStack(unconfigured.stack).hasError(
      '/Moneta/Notifications',
      Match.stringLikeRegexp('No senderEmail.*moneta\\.settings\\.json'),
    );
    Annotations.fromStack(synth.stack).hasNoError('/Moneta/Notifications', Match.anyValue());
  });

  it('sends as the sender only, to any recipient identity the SES sandbox checks, through its configuration set', () => {
    const [statement, ...others] = sendStatements(synth);
    expect(others).toEqual([]);
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Condition: { StringEquals: { 'ses:FromAddress': 'alerts@moneta.example' } },
    });
    const resources = JSON.stringify(statement!.Resource);
    expect(resources).toContain(':identity/*');
    expect(resources).toContain(':configuration-set/');
  });

  it('creates the sender identity by default, and uses an existing one without creating it', () => {
    synth.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    const existing = synthesize({ senderIdentity: 'existing' });
    existing.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    existing.template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    expect(sendStatements(existing)).toHaveLength(1);
    expect(() => synthesize({ senderIdentity: 'reuse' })).toThrow(/senderIdentity/);
  });
});

describe('alarm topic', () => {
  const topicStatements = () => statementsOf(synth, 'AWS::SNS::TopicPolicy');

  it('lets CloudWatch alarms of this account publish, over TLS only', () => {
    const allow = topicStatements().find((statement) => statement.Effect === 'Allow');
    expect(allow).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(JSON.stringify(allow!.Condition)).toContain(':alarm:*');
    const deny = topicStatements().find((statement) => statement.Effect === 'Deny');
    expect(deny).toMatchObject({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('refuses a deployment whose alarms would reach no one, unless it says "none"', () => {
    const silent = synthesize({ alarmEmail: undefined });
    Annotations.fromStack(silent.stack).hasError('/Moneta/Observability', Match.stringLikeRegexp('No alarmEmail'));
    const none = synthesize({ alarmEmail: 'none' });
    Annotations.fromStack(none.stack).hasNoError('/Moneta/Observability', Match.anyValue());
  });
});

describe('outputs and deploy-time resources', () => {
  it('gives ApiUrl without a trailing slash, so ApiUrl + "/v1/..." has one slash', () => {
    // AWS::ApiGatewayV2::Api's ApiEndpoint is `https://<id>.execute-api.<region>.amazonaws.com`,
    // the $default stage's invoke URL without the slash CDK's `stage.url` appends.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-api.html
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const httpApi = Object.keys(synth.template.findResources('AWS::ApiGatewayV2::Api'));
    expect(httpApi).toHaveLength(1);
    expect(outputs.ApiUrl!.Value).toEqual({ 'Fn::GetAtt': [httpApi[0], 'ApiEndpoint'] });
  });

  it('fails the rate seed within minutes, not CloudFormation’s default hour, when it never answers', () => {
    const [seed] = resourcesOfType(synth.stacks, 'Custom::MonetaReferenceRates');
    expect((seed!.resource.Properties as { ServiceTimeout?: unknown }).ServiceTimeout).toBe('360');
  });
});

describe('settings file', () => {
  const file = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'moneta-settings-')), 'moneta.settings.json');
    writeFileSync(path, content);
    return path;
  };

  it('is read by every deploy, and -c on the command line still wins', () => {
    const settings = readSettingsFile(
      file('{"//": "a comment", "senderEmail": "file@moneta.example", "alarmEmail": "none"}'),
    );
    expect(settings).toEqual({ senderEmail: 'file@moneta.example', alarmEmail: 'none' });
    const previous = process.env.CDK_CONTEXT_JSON;
    process.env.CDK_CONTEXT_JSON = JSON.stringify({ senderEmail: 'cli@moneta.example' });
    try {
      const app = new App({ context: settings });
      expect(app.node.tryGetContext('senderEmail')).toBe('cli@moneta.example');
      expect(app.node.tryGetContext('alarmEmail')).toBe('none');
    } finally {
      if (previous === undefined) delete process.env.CDK_CONTEXT_JSON;
      else process.env.CDK_CONTEXT_JSON = previous;
    }
  });

  it('is optional, and refuses what is not a JSON object, naming the file', () => {
    expect(readSettingsFile(join(tmpdir(), 'no-such-moneta.settings.json'))).toEqual({});
    expect(() => readSettingsFile(file('senderEmail: x'))).toThrow(/moneta\.settings\.json is not valid JSON/);
    expect(() => readSettingsFile(file('["x"]'))).toThrow(/one JSON object/);
  });
});
