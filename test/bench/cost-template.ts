/**
 * What the deployed stack is, read from its synthesized CloudFormation templates (the root and
 * every nested stack, synthesized without bundling as the infra tests do): each function's
 * memory, architecture and tracing, and everything billed whether or not anyone uses Moneta —
 * alarms and their metrics, schedules and the invocations they cause, queues that Lambda polls,
 * the event archive, KMS keys, secrets and parameters, point-in-time recovery.
 */
import { type FunctionId, functions } from '../../lib/catalog/functions';
import { SECURE_PARAMETER_RESOURCE_TYPE } from '../../lib/constructs/webhook-keys';
import { functionLogicalId, lambdaResource, resourcesOfType, synthesize } from '../infra/support/synth';

export type FunctionShape = {
  memoryMb: number;
  architecture: 'arm64' | 'x86_64';
  /** Lambda active tracing: every sampled invocation records an X-Ray trace. */
  tracing: boolean;
  logRetentionDays?: number;
  /** The function's LoggingConfig: what Lambda writes of its own, and which of the function's lines it keeps. */
  logging: FunctionLoggingShape;
};

/** Lambda's advanced logging controls (levels apply with the JSON format only; Lambda's defaults are INFO). */
export type FunctionLoggingShape = {
  format: 'Text' | 'JSON';
  applicationLogLevel: string;
  systemLogLevel: string;
};

export type ScheduleShape = {
  id: string;
  expression: string;
  /** Runs in a 30-day month. */
  perMonth: number;
  target?: FunctionId;
  /** The event the target receives (Scheduler's Target.Input; a rule sends its own event). */
  input?: string;
};

export type StackShape = {
  functions: Record<string, FunctionShape>;
  alarms: { id: string; metrics: number; highResolution: boolean }[];
  schedules: ScheduleShape[];
  /** EventBridge Scheduler schedules (AWS::Scheduler::Schedule). */
  schedulerSchedules: ScheduleShape[];
  /** Lambda event source mappings that poll an SQS queue (they poll when the queue is empty too). */
  sqsPollers: string[];
  archives: { id: string; retentionDays: number }[];
  kmsKeys: number;
  /** Secrets Manager secrets (the Stripe keys, with stripe=on). */
  secrets: number;
  /**
   * Parameter Store SecureStrings the stack's custom resources create (the webhook key ring), by
   * tier. Their functions run at deploy only: Lambda bills nothing while they wait.
   */
  secureParameters: { standard: number; advanced: number };
  pointInTimeRecovery: boolean;
  /** The HTTP API stage's access-log line, with its `$context` variables. */
  accessLogFormat?: string;
  /** Resource types present, with how many. */
  resourceTypes: Record<string, number>;
};

const MINUTE = 60;
const UNIT_SECONDS: Record<string, number> = {
  minute: MINUTE,
  minutes: MINUTE,
  hour: 3600,
  hours: 3600,
  day: 86400,
  days: 86400,
};
const MONTH_SECONDS = 30 * 86400;

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** A cron field value: a number, or a weekday name (Sunday = 1 as in EventBridge's cron). */
const cronValue = (value: string) => (WEEKDAYS.includes(value) ? WEEKDAYS.indexOf(value) + 1 : Number(value));

const MONTH_HOURS = 720;

/** A cron expression's runs as (minutes per hour) × (hours per day) × (days per 30-day month). */
function cronRuns(expression: string): { minutes: number; hours: number; days: number } | undefined {
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(expression);
  if (!cron) return undefined;
  // One field: '*' or '?', '*/n', or a comma list of values and ranges ('16-20', 'MON-FRI').
  const count = (field: string, range: number) => {
    if (field === '*' || field === '?') return range;
    if (field.startsWith('*/')) return range / Number(field.slice(2));
    return field.split(',').reduce((sum, item) => {
      const [from, to] = item.split('-').map(cronValue);
      return sum + (to === undefined ? 1 : (to as number) - (from as number) + 1);
    }, 0);
  };
  const [, minutes, hours, dayOfMonth, , dayOfWeek] = cron;
  const days =
    dayOfMonth === '*' || dayOfMonth === '?'
      ? dayOfWeek === '*' || dayOfWeek === '?'
        ? 30
        : (30 / 7) * count(dayOfWeek!, 7)
      : count(dayOfMonth!, 30);
  return { minutes: count(minutes!, 60), hours: count(hours!, 24), days };
}

/** Runs of a schedule expression in a 30-day month: rate(…) exactly, cron(…) for the simple forms. */
export function runsPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (\w+)\)$/.exec(expression);
  if (rate) return MONTH_SECONDS / (Number(rate[1]) * UNIT_SECONDS[rate[2]!]!);
  const cron = cronRuns(expression);
  if (cron) return cron.minutes * cron.hours * cron.days;
  throw new Error(`Unknown schedule expression ${expression}`);
}

/**
 * Hours of a 30-day month in which a schedule runs at least once: a custom metric its target emits
 * on every run is billed for that share of the month.
 */
export function hoursPerMonth(expression: string): number {
  const cron = cronRuns(expression);
  if (cron) return cron.hours * cron.days;
  return Math.min(runsPerMonth(expression), MONTH_HOURS);
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

/** The properties of an AWS::CloudWatch::Alarm that decide its price. */
export type AlarmProperties = {
  Metrics?: { MetricStat?: { Period?: number }; Expression?: string }[];
  Period?: number;
};

/**
 * What CloudWatch bills an alarm for: one metric for a single-metric alarm, each metric a
 * metric-math expression reads, at the high-resolution price when any period is under a minute.
 * A Metrics Insights query (an expression that SELECTs) is priced by the metrics it analyzes, which
 * the template does not tell: refused, rather than counted as free.
 */
export function billedAlarmMetrics(properties: AlarmProperties): { metrics: number; highResolution: boolean } {
  if (!properties.Metrics) return { metrics: 1, highResolution: (properties.Period ?? 60) < 60 };
  if (properties.Metrics.some((query) => /^\s*SELECT\b/i.test(query.Expression ?? ''))) {
    throw new Error('A Metrics Insights alarm: the cost bench cannot count the metrics it analyzes');
  }
  const stats = properties.Metrics.filter((query) => query.MetricStat);
  return {
    metrics: stats.length,
    highResolution: stats.some((query) => (query.MetricStat?.Period ?? 60) < 60),
  };
}

export function loggingShape(config: unknown): FunctionLoggingShape {
  const logging = (config ?? {}) as { LogFormat?: string; ApplicationLogLevel?: string; SystemLogLevel?: string };
  return {
    format: logging.LogFormat === 'JSON' ? 'JSON' : 'Text',
    applicationLogLevel: logging.ApplicationLogLevel ?? 'INFO',
    systemLogLevel: logging.SystemLogLevel ?? 'INFO',
  };
}

/** The stack as deployed with default settings, or with the deploy settings `context` sets. */
export function readStack(context: Record<string, unknown> = {}): StackShape {
  const synth = synthesize(context);
  const shape: StackShape = {
    functions: {},
    alarms: [],
    schedules: [],
    schedulerSchedules: [],
    sqsPollers: [],
    archives: [],
    kmsKeys: 0,
    secrets: 0,
    secureParameters: { standard: 0, advanced: 0 },
    pointInTimeRecovery: false,
    resourceTypes: {},
  };
  const logicalToFunction = new Map<string, FunctionId>();
  for (const spec of functions) {
    const properties = (lambdaResource(synth, spec.id) as Resource).Properties ?? {};
    logicalToFunction.set(functionLogicalId(synth.stack, spec.id), spec.id);
    shape.functions[spec.id] = {
      memoryMb: Number(properties.MemorySize ?? 128),
      architecture: ((properties.Architectures as string[] | undefined)?.[0] ?? 'x86_64') as 'arm64' | 'x86_64',
      tracing: (properties.TracingConfig as { Mode?: string } | undefined)?.Mode === 'Active',
      logging: loggingShape(properties.LoggingConfig),
    };
  }
  const targetOf = (targets: unknown): FunctionId | undefined => {
    for (const target of (targets ?? []) as { Arn?: { 'Fn::GetAtt'?: [string, string] } }[]) {
      const found = logicalToFunction.get(target.Arn?.['Fn::GetAtt']?.[0] ?? '');
      if (found) return found;
    }
    return undefined;
  };

  for (const { template } of synth.stacks) {
    for (const resource of Object.values(template.toJSON().Resources as Record<string, Resource>)) {
      shape.resourceTypes[resource.Type] = (shape.resourceTypes[resource.Type] ?? 0) + 1;
    }
  }
  for (const { id, resource } of resourcesOfType(synth.stacks, 'AWS::CloudWatch::Alarm')) {
    shape.alarms.push({ id, ...billedAlarmMetrics(resource.Properties as AlarmProperties) });
  }
  for (const { id, resource } of resourcesOfType(synth.stacks, 'AWS::Events::Rule')) {
    const properties = resource.Properties as { ScheduleExpression?: string; Targets?: unknown; State?: string };
    if (!properties.ScheduleExpression || properties.State === 'DISABLED') continue;
    shape.schedules.push({
      id,
      expression: properties.ScheduleExpression,
      perMonth: runsPerMonth(properties.ScheduleExpression),
      target: targetOf(properties.Targets),
    });
  }
  for (const { id, resource } of resourcesOfType(synth.stacks, 'AWS::Scheduler::Schedule')) {
    const properties = resource.Properties as { ScheduleExpression: string; Target?: { Arn?: unknown } };
    const expression = properties.ScheduleExpression;
    shape.schedulerSchedules.push({
      id,
      expression,
      perMonth: runsPerMonth(expression),
      target: targetOf(properties.Target ? [properties.Target] : []),
      input: (properties.Target as { Input?: string } | undefined)?.Input,
    });
  }
  for (const { stack, id, resource } of resourcesOfType(synth.stacks, 'AWS::Lambda::EventSourceMapping')) {
    const source = (resource.Properties as { EventSourceArn?: { 'Fn::GetAtt'?: [string, string] } }).EventSourceArn;
    const sourceId = source?.['Fn::GetAtt']?.[0];
    const template = synth.stacks.find((entry) => entry.stack === stack)!.template;
    if (sourceId && template.toJSON().Resources[sourceId]?.Type === 'AWS::SQS::Queue') shape.sqsPollers.push(id);
  }
  for (const { id, resource } of resourcesOfType(synth.stacks, 'AWS::Events::Archive')) {
    shape.archives.push({
      id,
      retentionDays: Number((resource.Properties as { RetentionDays?: number }).RetentionDays ?? 0),
    });
  }
  shape.kmsKeys = resourcesOfType(synth.stacks, 'AWS::KMS::Key').length;
  shape.secrets = resourcesOfType(synth.stacks, 'AWS::SecretsManager::Secret').length;
  for (const { resource } of resourcesOfType(synth.stacks, SECURE_PARAMETER_RESOURCE_TYPE)) {
    const tier = (resource.Properties as { Tier?: string }).Tier;
    if (tier === 'Standard') shape.secureParameters.standard += 1;
    else shape.secureParameters.advanced += 1;
  }
  shape.pointInTimeRecovery = resourcesOfType(synth.stacks, 'AWS::DynamoDB::Table').some(
    ({ resource }) =>
      (resource.Properties as { PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled?: boolean } })
        .PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true,
  );
  const stage = resourcesOfType(synth.stacks, 'AWS::ApiGatewayV2::Stage')[0]?.resource.Properties as
    | { AccessLogSettings?: { Format?: string } }
    | undefined;
  shape.accessLogFormat = stage?.AccessLogSettings?.Format;
  return shape;
}
