/**
 * Outgoing email: the SES v2 identity of the sender and the configuration set every send names
 * (reputation metrics, suppression on bounces and complaints). Templates live in shared/notifications.
 */
import { Annotations, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

type NotificationsProps = {
  senderEmail: string;
  /** True when the sender is the synth-only placeholder: deploying needs a real, verifiable address. */
  senderEmailIsPlaceholder: boolean;
  /** `existing`: the address or its domain is already an SES identity of the account; do not create it. */
  senderIdentity: 'create' | 'existing';
  /** False: no configuration set (a target whose CloudFormation lacks AWS::SES::ConfigurationSet). */
  configurationSet: boolean;
};

/** Where a deployment's settings are kept, so a later deploy cannot forget them (bin/moneta.ts). */
export const SETTINGS_HINT = 'set it in moneta.settings.json (see moneta.settings.example.json) or pass -c';

export class Notifications extends Construct {
  /** The identity the stack created; undefined when it uses an existing one. */
  readonly identity?: EmailIdentity;
  /** Every send names it; undefined when the deploy target has none (lib/localstack/profile.ts). */
  readonly configurationSet?: ConfigurationSet;
  readonly senderEmail: string;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    if (props.configurationSet) {
      this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
        reputationMetrics: true,
        sendingEnabled: true,
        suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      });
    }
    // Creating an identity that already exists (verified by hand, or by another stack) fails the
    // deployment and rolls the whole stack back: `senderIdentity: existing` only sends with it.
    if (props.senderIdentity === 'create') {
      this.identity = new EmailIdentity(this, 'SenderIdentity', {
        identity: Identity.email(props.senderEmail),
        configurationSet: this.configurationSet,
      });
    }
    if (props.senderEmailIsPlaceholder) {
      // An error, not a warning: the CLI refuses to synthesize or deploy a stack whose mail can never
      // be sent (the placeholder's domain cannot be verified), instead of deploying it silently.
      Annotations.of(this).addError(
        `No senderEmail: the placeholder ${props.senderEmail} cannot be verified, so no email would be sent. Choose the address Moneta sends from: ${SETTINGS_HINT} senderEmail=you@example.com`,
      );
    }
  }

  /**
   * Permission to send as the sender and nothing else. SES v2 authorizes SendEmail against every
   * identity a message involves: the sender's (the address or its domain, whichever is verified)
   * and, while the account is in the SES sandbox, each recipient's; and against the configuration
   * set. So the resource is every identity of the account, narrowed by `ses:FromAddress` to the
   * sender, plus this configuration set (when the target has one).
   * https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
   */
  sendingStatement(): PolicyStatement {
    const stack = Stack.of(this);
    return new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
        ...(this.configurationSet
          ? [
              stack.formatArn({
                service: 'ses',
                resource: 'configuration-set',
                resourceName: this.configurationSet.configurationSetName,
              }),
            ]
          : []),
      ],
      conditions: { StringEquals: { 'ses:FromAddress': this.senderEmail } },
    });
  }
}
