/**
 * The logical ids a deployed Moneta stack must keep. A changed logical id makes CloudFormation
 * create a new resource and delete the old one: for the table or the user pool that is every user's
 * data gone (or, retained, orphaned). These ids were read from a synth of main before the API moved
 * into nested stacks (docs/architecture.md, "Stack layout"), and are hard-coded on purpose: change
 * one only with a migration plan.
 */
import { type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

/** Stateful: data or identities live in them. */
const stateful: [type: string, logicalId: string][] = [
  ['AWS::DynamoDB::Table', 'DataTableFDBAD0F2'],
  ['AWS::Cognito::UserPool', 'AuthUserPool8115E87F'],
  ['AWS::Cognito::UserPoolClient', 'AuthUserPoolAppClient1D18298A'],
  ['AWS::Events::EventBus', 'EventsBus45DE4339'],
  ['AWS::Events::Archive', 'EventsBusArchive3AC72948'],
  // Every rule target's dead-letter queue too, since the per-rule queues were removed (each was an
  // alarm metric billed idle); drain those before upgrading (docs/architecture.md, "Migrating").
  ['AWS::SQS::Queue', 'EventsStreamPublisherDlq79159CD8'],
  ['AWS::SQS::Queue', 'ConsumerRetriesRetryQueue897C889F'],
  ['AWS::SQS::Queue', 'ConsumerRetriesDeadLetterQueue9CE319DD'],
];

/** Not data, but their ids are in clients' hands (the API id is in its URL) or in other services. */
const shared: [type: string, logicalId: string][] = [
  ['AWS::ApiGatewayV2::Api', 'ApiHttpApi4C294DC0'],
  ['AWS::ApiGatewayV2::Stage', 'ApiDefaultStage189A7074'],
  // The Lambda authorizer that refuses ended sessions replaced the JWT authorizer
  // (ApiHttpApiCognitoJwt559A661F): an upgrade creates it, points every route at it and deletes the
  // old one in the same update, which holds no data. Its id must stay put from here on.
  ['AWS::ApiGatewayV2::Authorizer', 'ApiHttpApiApiAuthorizerE46D9533'],
  ['AWS::Logs::LogGroup', 'ApiAccessLogs50B185DB'],
  ['AWS::SNS::Topic', 'ObservabilityAlarmTopicF724909D'],
  ['AWS::SES::ConfigurationSet', 'NotificationsConfigurationSet428CEBEB'],
  ['AWS::SES::EmailIdentity', 'NotificationsSenderIdentity338B0697'],
  ['Custom::MonetaReferenceRates', 'ReferenceDataEcbRates40B35F13'],
  ['AWS::Lambda::EventSourceMapping', 'StreamPublisherDynamoDBEventSourceMonetaDataTable9C4CD7F9779CC7AD'],
  // The root stack's functions kept their place, so their log groups (retained) are not orphaned.
  ['AWS::Lambda::Function', 'PostConfirmation3781BF5D'],
  ['AWS::Lambda::Function', 'StreamPublisherACE8B224'],
  ['AWS::Logs::LogGroup', 'SeedRatesLogsB3DF6E48'],
  ['AWS::Logs::LogGroup', 'PostConfirmationLogs0AE55041'],
  ['AWS::Logs::LogGroup', 'StreamPublisherLogs1E7D5D71'],
  // The event consumers moved into their features' stacks like the API functions before them: their
  // old log groups are retained, orphaned, and new ones made (docs/architecture.md, "Migrating").
];

describe('logical ids of the root stack', () => {
  it.each(stateful)('keeps the stateful %s %s', (type, id) => {
    expect(Object.keys(synth.template.findResources(type))).toContain(id);
  });

  it.each(shared)('keeps %s %s', (type, id) => {
    expect(Object.keys(synth.template.findResources(type))).toContain(id);
  });

  it('has no other resource of the stateful types, in any stack', () => {
    const types = [...new Set(stateful.map(([type]) => type))];
    for (const { stack, template } of synth.stacks) {
      for (const type of types) {
        const expected = stack === synth.stack ? stateful.filter(([t]) => t === type).map(([, id]) => id) : [];
        expect(Object.keys(template.findResources(type)).sort()).toEqual(expected.sort());
      }
    }
  });
});
