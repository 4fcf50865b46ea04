/**
 * One logger and one metrics emitter per function, configured from the standard POWERTOOLS_*
 * variables the stack sets; the log level is Lambda's (lib/catalog/logging.ts). Never log whole
 * events: they hold people's money and email addresses.
 *
 * Every line is paid for at ingestion (docs/cost.md), so lines are lean: an invocation that went
 * as it should writes nothing at INFO but what it exists to write (the audit line), and what it
 * did step by step goes to DEBUG. Warnings and errors are always written, with ids.
 *
 * No Powertools Tracer: it (with aws-xray-sdk-core) added ~130 KiB to every bundle and a third to
 * cold init (docs/architecture.md, "Lean functions"). Lambda active tracing still records each
 * invocation's init and duration segments.
 */
import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Level, message, time and the invocation's request id, then the line's own keys. Powertools'
 * default also repeats the service, the function's name, ARN and memory, cold start and sampling
 * rate on every line: the function's own log group already says which function (Logs Insights
 * shows it as `@log`). The trace id only when the trace was sampled: otherwise it leads nowhere.
 */
export class LeanLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const sampled = process.env._X_AMZN_TRACE_ID?.includes('Sampled=1') ?? false;
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: sampled ? attributes.xRayTraceId : undefined,
      },
    }).addAttributes(additionalLogAttributes);
  }
}

const LEVELS_ABOVE_INFO = ['WARN', 'ERROR', 'FATAL'];

/**
 * Powertools' Metrics, with two differences that keep EMF documents where they belong:
 *  - An invocation that counted nothing writes nothing (Powertools would write a warning, on
 *    every such invocation of every function).
 *  - Under an application log level above INFO, each document carries that level. Lambda files a
 *    JSON line without a `level` as INFO and drops it below the application level: the metrics,
 *    and the alarms on them, would be gone with `logLevel: WARN`.
 */
export class MonetaMetrics extends Metrics {
  readonly #level = LEVELS_ABOVE_INFO.includes(process.env.AWS_LAMBDA_LOG_LEVEL ?? '')
    ? process.env.AWS_LAMBDA_LOG_LEVEL
    : undefined;

  override publishStoredMetrics(): this {
    if (this.hasStoredMetrics()) return super.publishStoredMetrics();
    this.clearDimensions();
    this.clearMetadata();
    return this;
  }

  override serializeMetrics(): ReturnType<Metrics['serializeMetrics']> {
    const document = super.serializeMetrics();
    return this.#level ? { ...document, level: this.#level } : document;
  }
}

export const logger = new Logger({ logFormatter: new LeanLogFormatter() });
export const metrics = new MonetaMetrics();
