/**
 * One logger and one metrics emitter per function, configured from the standard POWERTOOLS_*
 * variables the stack sets. Never log whole events: they hold people's money and email addresses.
 *
 * No Powertools Tracer: it (with aws-xray-sdk-core) added ~130 KiB to every bundle and a third to
 * cold init (docs/architecture.md, "Lean functions"). Lambda active tracing still records each
 * invocation's init and duration segments.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger();
export const metrics = new Metrics();
