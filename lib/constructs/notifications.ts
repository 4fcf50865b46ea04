/**
 * Outgoing email: the SES v2 identity of the sender and the configuration set every send names
 * (reputation metrics, suppression on bounces and complaints). Templates live in shared/notifications.
 */
import { Annotations, Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

type NotificationsProps = {
  senderEmail: string;
  /** True when the sender is the synth-only placeholder: deploying needs a real, verifiable address. */
  senderEmailIsPlaceholder: boolean;
};

export class Notifications extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly senderEmail: string;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, 'SenderIdentity', {
      identity: Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });
    if (props.senderEmailIsPlaceholder) {
      Annotations.of(this).addWarningV2(
        'moneta:senderEmail',
        `No senderEmail context: using ${props.senderEmail}, which cannot be verified. Deploy with -c senderEmail=you@example.com`,
      );
    }
  }

  /** What SES v2 checks ses:SendEmail against when a message names this identity and configuration set. */
  get sendingArns(): string[] {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    return [this.identity.emailIdentityArn, configurationSetArn];
  }
}
