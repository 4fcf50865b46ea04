/**
 * What each deploy target synthesizes (`-c target=…`, lib/context.ts). `aws` is the whole stack.
 * `localstack` leaves out the resource types LocalStack's CloudFormation does not create
 * (lib/localstack/supported-resources.json, docs/localstack.md):
 * - AWS::SES::EmailIdentity: the sender is an existing identity (`senderIdentity: existing`), made
 *   beforehand with `awslocal sesv2 create-email-identity`;
 * - AWS::SES::ConfigurationSet: sends name no configuration set (no reputation metrics, no
 *   account-level suppression: LocalStack has neither);
 * - AWS::Events::Archive: no archive, so no replay on LocalStack.
 * Handlers never see the target: they read the same environment, minus what the profile leaves out.
 */
/** The deploy targets (`-c target=…`); what each leaves out is below. */
export const TARGETS = ['aws', 'localstack'] as const;
export type DeployTarget = (typeof TARGETS)[number];

export type TargetProfile = {
  /** The SES identity setting the target requires; undefined: the deployer chooses. */
  senderIdentity?: 'existing';
  senderIdentityReason?: string;
  eventArchive: boolean;
  sesConfigurationSet: boolean;
};

const PROFILES: Record<DeployTarget, TargetProfile> = {
  aws: { eventArchive: true, sesConfigurationSet: true },
  localstack: {
    senderIdentity: 'existing',
    senderIdentityReason: "LocalStack's CloudFormation does not create AWS::SES::EmailIdentity",
    eventArchive: false,
    sesConfigurationSet: false,
  },
};

export function targetProfile(target: DeployTarget): TargetProfile {
  return PROFILES[target];
}
