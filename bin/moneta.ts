/**
 * The CDK app (`cdk synth`, `cdk deploy`). Settings: moneta.settings.json (lib/settings.ts), then
 * cdk.json and `-c key=value`, which win; the keys are in lib/context.ts. cdk-nag checks every
 * resource; an unacknowledged finding fails the synth.
 */
import { App } from 'aws-cdk-lib';
import { applyNagChecks, createStack } from '../lib/moneta-stack';
import { readSettingsFile, SETTINGS_FILE } from '../lib/settings';

const app = new App({ context: readSettingsFile(SETTINGS_FILE) });
applyNagChecks(app);
createStack(app);
