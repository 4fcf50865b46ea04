/**
 * CloudFormation's per-stack limits, with margin: 500 resources (we allow 400), 200 parameters,
 * 200 outputs, and 1 MB for a template read from S3 (nested stack templates are). Checked on the
 * real app and on the app with 200 synthetic routes more, which is what the layout is for: a new
 * feature adds a nested stack, a new route about 7 resources to its feature's stack.
 */
import { functions } from '../../lib/catalog/functions';
import { routes } from '../../lib/catalog/routes';
import { type Synthesized, synthesize } from './support/synth';
import { syntheticApi } from './support/synthetic-routes';

const MAX_RESOURCES = 400;
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;
const MAX_TEMPLATE_BYTES = 1_000_000;

type Row = { stack: string; resources: number; parameters: number; outputs: number; bytes: number };

function measure(synth: Synthesized): Row[] {
  return synth.stacks.map(({ stack, template }) => {
    const json = template.toJSON() as Record<string, Record<string, unknown> | undefined>;
    return {
      stack: stack.node.path,
      resources: Object.keys(json.Resources ?? {}).length,
      parameters: Object.keys(json.Parameters ?? {}).length,
      outputs: Object.keys(json.Outputs ?? {}).length,
      bytes: JSON.stringify(json).length,
    };
  });
}

function report(title: string, rows: Row[], milliseconds: number): void {
  const total = rows.reduce((sum, row) => sum + row.resources, 0);
  console.log(
    `${title}: ${rows.length} stacks, ${total} resources, synthesized (with cdk-nag) in ${(milliseconds / 1000).toFixed(1)} s\n` +
      rows
        .map(
          (row) =>
            `${row.stack.padEnd(36)} ${String(row.resources).padStart(4)} resources ${String(row.parameters).padStart(3)} parameters ${String(row.outputs).padStart(3)} outputs ${String(row.bytes).padStart(8)} bytes`,
        )
        .join('\n'),
  );
}

function expectWithinLimits(rows: Row[]): void {
  for (const row of rows) {
    // The stack's path in the message of a failure.
    expect({ stack: row.stack, underLimit: row.resources < MAX_RESOURCES }).toEqual({
      stack: row.stack,
      underLimit: true,
    });
    expect(row.parameters).toBeLessThan(MAX_PARAMETERS);
    expect(row.outputs).toBeLessThan(MAX_OUTPUTS);
    expect(row.bytes).toBeLessThan(MAX_TEMPLATE_BYTES);
  }
}

function timedSynth(...args: Parameters<typeof synthesize>): { synth: Synthesized; milliseconds: number } {
  const started = performance.now();
  const synth = synthesize(...args);
  return { synth, milliseconds: performance.now() - started };
}

describe('CloudFormation limits', () => {
  it('every stack of the app stays under 400 resources, 200 parameters and outputs, and 1 MB', () => {
    const { synth, milliseconds } = timedSynth();
    const rows = measure(synth);
    report(`The app (${routes.length} routes, ${functions.length} functions)`, rows, milliseconds);
    expectWithinLimits(rows);
    // The root keeps only the shared and stateful resources and the few functions wired to them
    // (trigger, publisher, retrier, schedules' targets); a feature's routes and consumers add to
    // its own stack, so a new feature leaves the root as it is.
    expect(rows[0]?.resources).toBeLessThan(100);
  });

  it('with 200 more routes, every stack still does', () => {
    const extra = syntheticApi(200);
    const { synth, milliseconds } = timedSynth({}, extra);
    const rows = measure(synth);
    report(
      `The app with ${extra.routes.length} synthetic routes (${routes.length + extra.routes.length} routes)`,
      rows,
      milliseconds,
    );
    expectWithinLimits(rows);
    // Every synthetic route is there, each in its feature's stack.
    const routeCount = synth.stacks.reduce(
      (sum, { template }) => sum + Object.keys(template.findResources('AWS::ApiGatewayV2::Route')).length,
      0,
    );
    expect(routeCount).toBe(routes.length + extra.routes.length);
  });
});
