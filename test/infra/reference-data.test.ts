import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RATES_SNAPSHOT } from '../../lib/constructs/reference-data';
import { functionLogicalId, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

describe('reference rates', () => {
  it('are seeded at deploy by the seed-rates function, re-seeded when the bundled snapshot changes', () => {
    const sha = createHash('sha256').update(readFileSync(RATES_SNAPSHOT)).digest('hex');
    synth.template.hasResourceProperties('Custom::MonetaReferenceRates', {
      ServiceToken: { 'Fn::GetAtt': [functionLogicalId(synth.stack, 'seed-rates'), 'Arn'] },
      snapshotSha256: sha,
    });
  });

  it('gives the seeder time to write 7,000 days', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Loads the bundled ECB reference-rate snapshot into the table (deploy-time custom resource)',
      Timeout: 300,
    });
  });
});
