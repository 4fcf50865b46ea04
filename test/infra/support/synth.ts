/**
 * Synthesizes the Moneta app in-process, as `cdk synth` would (cdk-nag included), without bundling:
 * the context `aws:cdk:bundling-stacks: []` skips esbuild so the suite stays fast. Entries must still
 * exist (NodejsFunction checks them), and test/infra/entries.test.ts checks what they export.
 */
import type { CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { FunctionId } from '../../../lib/catalog/functions';
import { buildApp, type MonetaStack } from '../../../lib/moneta-stack';

export type Synthesized = { app: ReturnType<typeof buildApp>['app']; stack: MonetaStack; template: Template };

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = buildApp({ ...NO_BUNDLING, ...context });
  // Template.fromStack runs the synth, and with it cdk-nag: an unacknowledged error throws here.
  return { app, stack, template: Template.fromStack(stack) };
}

export const logicalId = (stack: MonetaStack, resource: CfnResource) => stack.getLogicalId(resource);

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

export type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

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

/** Roles (logical ids) that are allowed `action`. */
export function rolesAllowed(template: Template, action: string): string[] {
  return Object.keys(template.findResources('AWS::IAM::Role')).filter((roleId) =>
    actionsOf(statementsOfRole(template, roleId)).includes(action),
  );
}
