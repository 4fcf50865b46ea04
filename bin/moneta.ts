/**
 * The CDK app (`cdk synth`, `cdk deploy`). Context keys: see lib/context.ts. cdk-nag's AWS
 * Solutions pack checks every resource; an unacknowledged finding fails the synth.
 */
import { App } from 'aws-cdk-lib';
import { applyNagChecks, createStack } from '../lib/moneta-stack';

const app = new App();
applyNagChecks(app);
createStack(app);
