/**
 * The private files bucket as synthesized: private, encrypted, TLS only, exports expiring, browser
 * uploads from the configured origins, and the `files` grant giving a function object access to
 * this bucket only. No catalog function declares `files` yet, so the grant is checked on a test
 * function added through `extraApi`, as a future feature would declare it.
 */
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { FunctionSpec } from '../../lib/catalog/functions';
import { functions } from '../../lib/catalog/functions';
import {
  actionsOf,
  inRoot,
  logicalId,
  resourcesOfType,
  type Statement,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './support/synth';

/** Who may touch the files bucket: the export writer, its download link and email, the eraser. */
const FILES_GRANTS = [
  'attachment-cleaner: delete',
  'attachments-create: write',
  'attachments-delete: delete',
  'attachments-get: read',
  'exporter: readWrite',
  'exports-download: read',
  'importer: readWrite',
  'imports-create: write',
  'imports-start: read',
  'notifier: read',
  'user-data-eraser: erase',
];

const bucketOf = (synth: Synthesized) => {
  const buckets = resourcesOfType(synth.stacks, 'AWS::S3::Bucket');
  expect(buckets).toHaveLength(1);
  return buckets[0]!.resource.Properties;
};

describe('the files bucket', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize();
  });

  it('is private: every public access blocked, objects owned by the bucket owner, no ACLs', () => {
    const props = bucketOf(synth);
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('is encrypted with S3-managed keys, unversioned, and refuses plain HTTP', () => {
    const props = bucketOf(synth);
    expect(props.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(props.VersioningConfiguration).toBeUndefined();
    const bucketId = logicalId(synth.stack, synth.stack.files.bucket.node.defaultChild as CfnBucket);
    synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('forgets exports and imported statements after 7 days and abandoned multipart uploads after 1, and nothing else', () => {
    expect(bucketOf(synth).LifecycleConfiguration.Rules).toEqual([
      { Id: 'ExpireExports', Prefix: 'exports/', ExpirationInDays: 7, Status: 'Enabled' },
      { Id: 'ExpireImports', Prefix: 'imports/', ExpirationInDays: 7, Status: 'Enabled' },
      { Id: 'AbortIncompleteUploads', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
    ]);
  });

  it('lets browsers upload with a presigned POST from any origin by default', () => {
    expect(bucketOf(synth).CorsConfiguration.CorsRules).toEqual([
      {
        AllowedOrigins: ['*'],
        AllowedMethods: ['GET', 'HEAD', 'POST'],
        AllowedHeaders: ['*'],
        ExposedHeaders: ['ETag', 'Location'],
        MaxAge: 3000,
      },
    ]);
  });

  it('takes its CORS origins and removal policy from the settings', () => {
    const configured = synthesize({
      corsOrigins: 'https://app.moneta.example,https://admin.moneta.example',
      removalPolicy: 'destroy',
    });
    expect(bucketOf(configured).CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual([
      'https://app.moneta.example',
      'https://admin.moneta.example',
    ]);
    const [bucket] = resourcesOfType(configured.stacks, 'AWS::S3::Bucket');
    expect(bucket?.resource.DeletionPolicy).toBe('Delete');
    expect(resourcesOfType(synth.stacks, 'AWS::S3::Bucket')[0]?.resource.DeletionPolicy).toBe('Retain');
  });

  it('is an output, and only the functions that declare a files grant may touch it', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const bucketId = logicalId(synth.stack, synth.stack.files.bucket.node.defaultChild as CfnBucket);
    expect(outputs.FilesBucketName?.Value).toEqual({ Ref: bucketId });
    expect(
      functions
        .filter((spec) => spec.files)
        .map((spec) => `${spec.id}: ${spec.files}`)
        .sort(),
    ).toEqual(FILES_GRANTS);
    const s3Actions = synth.stacks.flatMap(({ template }) =>
      Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) =>
        actionsOf(statementsOfRole(template, roleId)).filter((action) => action.startsWith('s3:')),
      ),
    );
    expect([...new Set(s3Actions)].sort()).toEqual([
      's3:DeleteObject',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
    ]);
    // Listing is the eraser's alone, and only under the user-file prefixes.
    const listing = synth.stacks.flatMap(({ template }) =>
      Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) =>
        statementsOfRole(template, roleId).filter((statement) => actionsOf([statement]).includes('s3:ListBucket')),
      ),
    );
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatchObject({
      Condition: { StringLike: { 's3:prefix': ['exports/*', 'imports/*', 'attachments/*'] } },
    });
  });
});

describe('the files grant', () => {
  const entry = 'functions/api/me/get.ts';
  const spec = (id: string, files: FunctionSpec['files']): FunctionSpec => ({
    id,
    entry,
    description: `files: ${files}`,
    feature: 'filestest',
    table: 'read',
    files,
  });
  let synth: Synthesized;
  beforeAll(() => {
    // cdk-nag runs on this synth too: the grant's acknowledgement must hold in a nested stack.
    synth = synthesize(
      {},
      {
        functions: [
          spec('files-reader', 'read'),
          spec('files-writer', 'write'),
          spec('files-both', 'readWrite'),
          { ...spec('files-attachments', 'delete'), filesUnder: 'attachments/' },
        ],
        routes: [],
      },
    );
  });

  const grantOf = (id: string) => {
    const feature = synth.stack.features.get('filestest');
    if (!feature) throw new Error('no feature stack');
    const fn = feature.functions.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    const template = synth.templateOf(fn);
    const roleId = logicalId(synth.stack, fn.role!.node.defaultChild as never);
    const statements = statementsOfRole(template, roleId).filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('s3:')),
    );
    const lambda =
      template.findResources('AWS::Lambda::Function')[logicalId(synth.stack, fn.node.defaultChild as never)];
    if (!lambda) throw new Error(`no Lambda resource for ${id}`);
    const env = (lambda.Properties.Environment.Variables as Record<string, unknown>).FILES_BUCKET;
    return { statements, env, fn };
  };

  it.each([
    ['files-reader', ['s3:GetObject']],
    ['files-writer', ['s3:PutObject']],
    ['files-both', ['s3:GetObject', 's3:PutObject']],
  ])('%s may do exactly %j, on the objects of the files bucket only', (id, actions) => {
    const { statements, fn } = grantOf(id);
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(actionsOf([statement]).sort()).toEqual(actions);
    const bucketId = logicalId(synth.stack, synth.stack.files.bucket.node.defaultChild as CfnBucket);
    // In the feature stack the bucket's ARN is a parameter the root passes: resolve it there.
    const resource = statement.Resource as { 'Fn::Join': [string, unknown[]] };
    const [, parts] = resource['Fn::Join'];
    expect(parts[1]).toBe('/*');
    const parameter = parts[0] as { Ref: string };
    const passed = synth.template.findResources('AWS::CloudFormation::Stack');
    const feature = Object.values(passed).find((stack) => stack.Properties?.Parameters?.[parameter.Ref]);
    expect(feature?.Properties.Parameters[parameter.Ref]).toEqual({ 'Fn::GetAtt': [bucketId, 'Arn'] });
    expect(fn).toBeDefined();
  });

  it('gives the function the bucket name as FILES_BUCKET', () => {
    const { env, fn } = grantOf('files-reader');
    const bucketId = logicalId(synth.stack, synth.stack.files.bucket.node.defaultChild as CfnBucket);
    expect(inRoot(synth, fn, env)).toEqual({ Ref: bucketId });
  });

  it('narrows the object actions to one root of the files layout when the grant names it', () => {
    const { statements } = grantOf('files-attachments');
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(actionsOf([statement])).toEqual(['s3:DeleteObject']);
    const [, parts] = (statement.Resource as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    expect(parts[1]).toBe('/attachments/*');
  });
});
