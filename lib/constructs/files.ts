/**
 * The private files bucket that exports, statement imports and receipt attachments share. Nobody
 * reaches it but the functions granted `files` (lib/catalog/functions.ts) and whoever holds a
 * presigned URL one of them made (shared/kit/aws/upload-grant.ts, download-link.ts).
 *
 * Idle, it costs nothing: S3 bills stored bytes and requests, and an empty bucket has neither.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EXPORTS_PREFIX, filesBucket, IMPORTS_PREFIX } from '../catalog/files';

type FilesProps = {
  /** Browser origins allowed to upload with a presigned POST (the `corsOrigins` setting). */
  corsOrigins: readonly string[];
  removalPolicy: RemovalPolicy;
};

export class Files extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id);
    const { cors } = filesBucket;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: false,
      lifecycleRules: [
        {
          id: 'ExpireExports',
          prefix: EXPORTS_PREFIX,
          expiration: Duration.days(filesBucket.exportsExpireAfterDays),
        },
        {
          id: 'ExpireImports',
          prefix: IMPORTS_PREFIX,
          expiration: Duration.days(filesBucket.importsExpireAfterDays),
        },
        {
          id: 'AbortIncompleteUploads',
          abortIncompleteMultipartUploadAfter: Duration.days(filesBucket.abortIncompleteUploadsAfterDays),
        },
      ],
      cors: [
        {
          allowedOrigins: [...props.corsOrigins],
          allowedMethods: cors.allowedMethods.map((method) => HttpMethods[method]),
          allowedHeaders: [...cors.allowedHeaders],
          exposedHeaders: [...cors.exposedHeaders],
          maxAge: cors.maxAgeSeconds,
        },
      ],
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs: every object is written by a granted function or through a presigned URL that function made for one signed-in user, and that function logs what it granted; a log bucket would store and bill a line per request for no question the functions cannot answer. CloudTrail data events can be turned on for an investigation.',
    });
  }
}
