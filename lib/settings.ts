/**
 * A deployment's own settings, kept in `moneta.settings.json` next to cdk.json (ignored by git:
 * it names your addresses), so a later `cdk deploy` cannot forget the sender or the alarm email
 * and quietly deploy placeholders. The keys are the context keys of lib/context.ts; `-c key=value`
 * on the command line and cdk.json's context still win, as CDK ranks an app's own context below
 * both.
 */
import { existsSync, readFileSync } from 'node:fs';

export const SETTINGS_FILE = 'moneta.settings.json';

/** The settings in `file`, or none when it does not exist; throws naming the file when it is not a JSON object. */
export function readSettingsFile(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must hold one JSON object of settings, e.g. {"senderEmail": "you@example.com"}`);
  }
  // Keys starting with `//` are comments (JSON has none).
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !key.startsWith('//')));
}
