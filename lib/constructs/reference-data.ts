/**
 * Reference data the product needs before anyone signs in: the ECB rates snapshot, loaded into the
 * table at deploy by the `seed-rates` function through a CloudFormation custom resource. The
 * snapshot's hash is a property, so shipping a newer snapshot re-seeds on the next deploy.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SEED_TIMEOUT_SECONDS } from '../catalog/functions';
import { repoRoot } from './moneta-function';

export const RATES_SNAPSHOT = resolve(repoRoot, 'shared/rates/data/eurofxref-hist.csv');

export class ReferenceData extends Construct {
  readonly rates: CustomResource;

  constructor(scope: Construct, id: string, props: { seedRates: IFunction }) {
    super(scope, id);
    // Lambda-backed: CloudFormation invokes the function, which answers on the presigned URL itself
    // (shared/kit/aws/cloudformation-response.ts), so no Provider framework function or role is needed.
    this.rates = new CustomResource(this, 'EcbRates', {
      serviceToken: props.seedRates.functionArn,
      resourceType: 'Custom::MonetaReferenceRates',
      // CloudFormation otherwise waits an hour for a response that a crashed seed never sends; the
      // function's own timeout (300 s) plus a minute for the response to arrive.
      serviceTimeout: Duration.seconds(SEED_TIMEOUT_SECONDS + 60),
      properties: { snapshotSha256: createHash('sha256').update(readFileSync(RATES_SNAPSHOT)).digest('hex') },
    });
  }
}
