/**
 * The event backbone: the table's stream is the only source of events (docs/architecture.md), the
 * stream publisher puts them on the Moneta bus, and one rule per consumer (lib/catalog/rules.ts)
 * delivers them with bounded retries. What could not be delivered (a rule's event EventBridge gave
 * up on, a stream record the publisher kept failing on) waits in one dead-letter queue: each alarmed
 * queue is a billed alarm metric, and each message says where it came from (EventBridge adds the
 * RULE_ARN and TARGET_ARN attributes; the mapping's record names the function and the stream).
 */
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type EventPattern, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../shared/app/events';
import { eventPattern, type RuleSpec, targetDelivery } from '../catalog/rules';
import { streamFilterPatterns, streamSourceSettings } from '../catalog/stream-filters';
import { deadLetterQueue } from './dead-letter-queue';

type EventsProps = {
  busName: string;
  /** False: no archive, so no replay (a target whose CloudFormation lacks AWS::Events::Archive). */
  archive: boolean;
};

/**
 * How long the archive keeps every event, for replays after a consumer bug is fixed. Events carry
 * whole items (names, emails, amounts, notes) and an archive cannot forget one user's events, so
 * this is also how long a deleted account's personal data outlives its erasure (docs/audit.md): a
 * week, enough to replay after a bug the alarms report within the retrier's day, short of the
 * month that erasure may take at most.
 */
export const ARCHIVE_RETENTION_DAYS = 7;
const ARCHIVE_RETENTION = Duration.days(ARCHIVE_RETENTION_DAYS);

export class Events extends Construct {
  readonly bus: EventBus;
  /** Where every rule target and the stream mapping put what they could not deliver; alarmed. */
  readonly deadLetterQueue: Queue;
  readonly rules = new Map<string, Rule>();

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: props.busName });
    if (props.archive) {
      this.bus.archive('Archive', {
        description: 'Every Moneta domain event, for replay',
        eventPattern: { source: [EVENT_SOURCE] },
        retention: ARCHIVE_RETENTION,
      });
    }
    // The id the stream publisher's own queue had before the rules shared it: a deployed queue, and
    // the records waiting in it, stay.
    this.deadLetterQueue = deadLetterQueue(this, 'StreamPublisherDlq');
  }

  /** Feeds the table's stream to the publisher: domain items only, partial-batch failures, poison records to the DLQ. */
  connectStream(table: ITable, publisher: IFunction): void {
    const settings = streamSourceSettings;
    publisher.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition[settings.startingPosition],
        batchSize: settings.batchSize,
        maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
        bisectBatchOnError: settings.bisectBatchOnError,
        retryAttempts: settings.retryAttempts,
        maxRecordAge: Duration.seconds(settings.maxRecordAgeSeconds),
        reportBatchItemFailures: settings.reportBatchItemFailures,
        filters: streamFilterPatterns.map((pattern) => FilterCriteria.filter(pattern)),
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );
  }

  /**
   * One rule of the catalog: its pattern, its target, and that target's retries, max age and the
   * shared DLQ. The rule is made in `scope`, the stack of its target (a feature's nested stack), so
   * the root stack holds only the bus.
   */
  addRule(scope: Construct, spec: RuleSpec, target: IFunction): Rule {
    const { 'detail-type': detailType, ...pattern } = eventPattern(spec);
    const rule = new Rule(scope, `Rule-${spec.id}`, {
      eventBus: this.bus,
      description: spec.description,
      // CDK spells a top-level `detail-type` as `detailType` and passes every other field (`$or`
      // included) through as is: it renders the same pattern the local bus evaluates.
      eventPattern: { ...pattern, ...(detailType ? { detailType } : {}) } as EventPattern,
    });
    rule.addTarget(
      new LambdaFunction(target, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: targetDelivery.retryAttempts,
        maxEventAge: Duration.seconds(targetDelivery.maxEventAgeSeconds),
      }),
    );
    this.rules.set(spec.id, rule);
    return rule;
  }
}
