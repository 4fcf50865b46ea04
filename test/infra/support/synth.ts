/**
 * Synthesizes the Moneta app in-process, as `cdk synth` would (cdk-nag included), without bundling:
 * the context `aws:cdk:bundling-stacks: []` skips esbuild so the suite stays fast. Entries must still
 * exist (NodejsFunction checks them), and test/infra/entries.test.ts checks what they export.
 *
 * The app is a root stack and one nested stack per API feature: `template` is the root's, `stacks`
 * has every stack's, and the helpers below find a construct's resources in its own stack's template.
 */
import { type CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import type { FunctionId } from '../../../lib/catalog/functions';
import { buildApp, type ExtraApi, type MonetaStack } from '../../../lib/moneta-stack';

export type StackTemplate = { stack: Stack; template: Template };

export type Synthesized = {
  app: ReturnType<typeof buildApp>['app'];
  stack: MonetaStack;
  /** The root stack's template. */
  template: Template;
  /** The root stack first, then every nested stack. */
  stacks: StackTemplate[];
  /** The template of the stack `construct` is in. */
  templateOf: (construct: IConstruct) => Template;
};

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** The settings a real deployment has (moneta.settings.json); a test drops one by passing it as undefined. */
export const CONFIGURED = { senderEmail: 'alerts@moneta.example', alarmEmail: 'ops@moneta.example' };

export function synthesize(context: Record<string, unknown> = {}, extraApi?: ExtraApi): Synthesized {
  const { app, stack } = buildApp({ ...NO_BUNDLING, ...CONFIGURED, ...context }, extraApi);
  // Template.fromStack runs the synth, and with it cdk-nag: an unacknowledged error throws here.
  const template = Template.fromStack(stack);
  const nested = stack.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct));
  const stacks: StackTemplate[] = [
    { stack, template },
    ...nested.map((child) => ({ stack: child as Stack, template: Template.fromStack(child) })),
  ];
  const templateOf = (construct: IConstruct) => {
    const owner = Stack.of(construct);
    const found = stacks.find((entry) => entry.stack === owner);
    if (!found) throw new Error(`No template for ${owner.node.path}`);
    return found.template;
  };
  return { app, stack, template, stacks, templateOf };
}

/** A resource's logical id in its own stack (the root or a nested stack). */
export const logicalId = (_stack: MonetaStack, resource: CfnResource) => Stack.of(resource).getLogicalId(resource);

function functionOf(stack: MonetaStack, id: FunctionId) {
  const fn = stack.functions[id];
  if (!fn) throw new Error(`The stack has no function ${id}`);
  return fn;
}

export function functionLogicalId(stack: MonetaStack, id: FunctionId): string {
  return logicalId(stack, functionOf(stack, id).node.defaultChild as CfnFunction);
}

export function roleLogicalId(stack: MonetaStack, id: FunctionId): string {
  return logicalId(stack, functionOf(stack, id).role!.node.defaultChild as CfnRole);
}

/** The template a function (and its role, policy and log group) is in. */
export function templateOfFunction(synth: Synthesized, id: FunctionId): Template {
  return synth.templateOf(functionOf(synth.stack, id));
}

/** A function's Lambda resource, from its own stack's template. */
export function lambdaResource(synth: Synthesized, id: FunctionId) {
  const resource = templateOfFunction(synth, id).findResources('AWS::Lambda::Function')[
    functionLogicalId(synth.stack, id)
  ];
  if (!resource) throw new Error(`No Lambda function for ${id}`);
  return resource;
}

/**
 * What `value` (as found in the template of `construct`'s stack) is in the root stack: a `Ref` to
 * a nested stack's parameter becomes the value the root passes for it. Root values pass unchanged.
 */
export function inRoot(synth: Synthesized, construct: IConstruct, value: unknown): unknown {
  const owner = Stack.of(construct);
  if (owner === synth.stack) return value;
  const ref = (value as { Ref?: string } | undefined)?.Ref;
  if (typeof ref !== 'string' || ref.startsWith('AWS::')) return value;
  const resourceId = synth.stack.getLogicalId((owner as NestedStack).nestedStackResource as CfnResource);
  const parameters = synth.template.findResources('AWS::CloudFormation::Stack')[resourceId]?.Properties?.Parameters as
    | Record<string, unknown>
    | undefined;
  if (!parameters || !(ref in parameters)) throw new Error(`${owner.node.path} has no parameter ${ref}`);
  return parameters[ref];
}

export type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every Allow statement of every inline policy attached to a role (by the role's logical id). */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const statements: Statement[] = [];
  for (const policy of Object.values(policies)) {
    const roles = asArray(policy.Properties.Roles) as { Ref?: string }[];
    if (!roles.some((role) => role.Ref === roleId)) continue;
    statements.push(...(policy.Properties.PolicyDocument.Statement as Statement[]));
  }
  const role = template.findResources('AWS::IAM::Role')[roleId];
  for (const inline of (role?.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements.filter((statement) => statement.Effect === 'Allow');
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) => asArray(statement.Action));
}

/** Roles (logical ids, in whichever stack) that are allowed `action`. */
export function rolesAllowed(stacks: readonly StackTemplate[], action: string): string[] {
  return stacks.flatMap(({ template }) =>
    Object.keys(template.findResources('AWS::IAM::Role')).filter((roleId) =>
      actionsOf(statementsOfRole(template, roleId)).includes(action),
    ),
  );
}

/** Every resource of every stack, by type: `{ stack, id, resource }`. */
export function resourcesOfType(stacks: readonly StackTemplate[], type: string) {
  return stacks.flatMap(({ stack, template }) =>
    Object.entries(template.findResources(type)).map(([id, resource]) => ({ stack, id, resource })),
  );
}

/**
 * A function's ARN as the root stack spells it: `Fn::GetAtt` of the function itself when it is a
 * root function, or of the nested stack's output that exports it.
 */
export function functionArnInRoot(synth: Synthesized, id: FunctionId): unknown {
  const fn = functionOf(synth.stack, id);
  const own = { 'Fn::GetAtt': [functionLogicalId(synth.stack, id), 'Arn'] };
  const owner = Stack.of(fn);
  if (owner === synth.stack) return own;
  const outputs = (synth.templateOf(fn).toJSON().Outputs ?? {}) as Record<string, { Value: unknown }>;
  const output = Object.entries(outputs).find(([, { Value }]) => JSON.stringify(Value) === JSON.stringify(own));
  if (!output) throw new Error(`${owner.node.path} does not export the ARN of ${id}`);
  const resourceId = synth.stack.getLogicalId((owner as NestedStack).nestedStackResource as CfnResource);
  return { 'Fn::GetAtt': [resourceId, `Outputs.${output[0]}`] };
}
