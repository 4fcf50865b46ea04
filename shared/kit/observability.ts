/**
 * One logger, one metrics emitter and one tracer per function, configured from the standard
 * POWERTOOLS_* variables the stack sets. Never log whole events: they hold people's money and
 * email addresses.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

export const logger = new Logger();
export const metrics = new Metrics();
export const tracer = new Tracer();
