/**
 * The LocalStack profile (`-c target=localstack`, lib/localstack/profile.ts): every stack it
 * synthesizes, nested ones included, uses only resource types LocalStack's CloudFormation creates
 * (the dated snapshot in lib/localstack/supported-resources.json), its functions see no setting
 * that only exists on AWS, and the default profile is the whole stack, unchanged.
 */

import { readContext } from '../../lib/context';
import supported from '../../lib/localstack/supported-resources.json';
import { resourcesOfType, type Synthesized, synthesize } from './support/synth';

let aws: Synthesized;
let localstack: Synthesized;
beforeAll(() => {
  aws = synthesize();
  localstack = synthesize({ target: 'localstack' });
});

/** Every resource type of every stack, with how many resources have it. */
function typeCounts(synth: Synthesized): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { template } of synth.stacks) {
    for (const resource of Object.values(template.toJSON().Resources as Record<string, { Type: string }>)) {
      counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
    }
  }
  return counts;
}

/** `Custom::Name` is CloudFormation's spelling of a custom resource (AWS::CloudFormation::CustomResource). */
const asListed = (type: string) => (type.startsWith('Custom::') ? 'AWS::CloudFormation::CustomResource' : type);

const LEFT_OUT = ['AWS::SES::EmailIdentity', 'AWS::SES::ConfigurationSet', 'AWS::Events::Archive'];

describe('the snapshot', () => {
  it('is dated, names its source page, and lists the types the stack needs from it', () => {
    expect(supported.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(supported.source.page).toMatch(/^https:\/\/docs\.localstack\.cloud\//);
    expect(supported.plan).toBe('Base');
    expect(supported.resourceTypes).toEqual(
      expect.arrayContaining(['AWS::ApiGatewayV2::Api', 'AWS::Cognito::UserPool']),
    );
    for (const type of ['AWS::SES::ConfigurationSet', 'AWS::Events::Archive']) {
      expect(supported.resourceTypes).not.toContain(type);
    }
  });
});

describe('target=localstack', () => {
  it('synthesizes no resource type outside LocalStack’s list, in any stack', () => {
    const listed = new Set(supported.resourceTypes);
    const outside = [...typeCounts(localstack).keys()].filter((type) => !listed.has(asListed(type)));
    expect(outside).toEqual([]);
    // Nested stacks were looked at: the feature stacks hold the routes and most functions.
    expect(localstack.stacks.length).toBeGreaterThan(1);
    expect(typeCounts(localstack).get('AWS::ApiGatewayV2::Route')).toBeGreaterThan(0);
  });

  it('leaves out the SES identity, the configuration set and the archive, and only those', () => {
    const withAws = typeCounts(aws);
    const withLocalStack = typeCounts(localstack);
    for (const type of LEFT_OUT) expect(withLocalStack.has(type)).toBe(false);
    const others = (counts: Map<string, number>) =>
      Object.fromEntries([...counts].filter(([type]) => !LEFT_OUT.includes(type)).sort());
    expect(others(withLocalStack)).toEqual(others(withAws));
  });

  it('sends with no configuration set: the notifier is not told one, nor allowed one', () => {
    const envs = resourcesOfType(localstack.stacks, 'AWS::Lambda::Function').map(
      ({ resource }) => (resource.Properties as { Environment?: { Variables?: Record<string, unknown> } }).Environment,
    );
    const senders = envs.filter((env) => env?.Variables?.SENDER_EMAIL !== undefined);
    expect(senders.length).toBeGreaterThan(0);
    for (const env of senders) expect(env?.Variables).not.toHaveProperty('SES_CONFIGURATION_SET');
    expect(JSON.stringify(localstack.stacks.map(({ template }) => template.toJSON()))).not.toContain(
      'configuration-set',
    );
  });

  it('means an existing sender identity, and refuses one to create', () => {
    expect(readContext(localstack.app.node).senderIdentity).toBe('existing');
    expect(() => synthesize({ target: 'localstack', senderIdentity: 'create' })).toThrow(
      /senderIdentity: target localstack needs senderIdentity=existing/,
    );
    expect(() => synthesize({ target: 'localstack', senderIdentity: 'existing' })).not.toThrow();
  });

  it("trusts the issuer given with -c jwtIssuer (LocalStack's Cognito issues under its own), the pool's by default", () => {
    const issuer = 'http://localhost.localstack.cloud:4566/us-east-1_example';
    const withIssuer = synthesize({ target: 'localstack', jwtIssuer: issuer });
    const templates = (synth: Synthesized) => JSON.stringify(synth.stacks.map(({ template }) => template.toJSON()));
    expect(templates(withIssuer)).toContain(`"JWT_ISSUER":"${issuer}"`);
    expect(templates(localstack)).not.toContain(issuer);
    expect(templates(localstack)).toMatch(/"JWT_ISSUER":\{"Fn::Join":\["",\["https:\/\/cognito-idp\./);
  });

  it('refuses an unknown target, naming the key', () => {
    expect(() => synthesize({ target: 'local-stack' })).toThrow(/target/);
  });
});

describe('architecture', () => {
  const architectures = (synth: Synthesized) =>
    new Set(
      resourcesOfType(synth.stacks, 'AWS::Lambda::Function').map(({ resource }) =>
        (resource.Properties as { Architectures?: string[] }).Architectures?.join(','),
      ),
    );

  it('is arm64 everywhere by default, on either target', () => {
    expect(architectures(aws)).toEqual(new Set(['arm64']));
    expect(architectures(localstack)).toEqual(new Set(['arm64']));
  });

  it('is x86_64 everywhere with -c architecture=x86_64, for emulators on x86 hosts', () => {
    expect(architectures(synthesize({ target: 'localstack', architecture: 'x86_64' }))).toEqual(new Set(['x86_64']));
  });
});

describe('the default profile', () => {
  it('is the whole stack: the identity, the configuration set and the archive are there', () => {
    const counts = typeCounts(aws);
    for (const type of LEFT_OUT) expect(counts.get(type)).toBe(1);
  });

  it('is the same stack as target=aws said outright', () => {
    const said = typeCounts(synthesize({ target: 'aws' }));
    expect(Object.fromEntries([...said].sort())).toEqual(Object.fromEntries([...typeCounts(aws)].sort()));
  });
});
