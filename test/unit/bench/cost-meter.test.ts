/** The log bytes the cost benchmark counts follow each function's LoggingConfig, as Lambda's ingestion does. */
import { DEFAULT_LOG_LEVEL, functionLogging } from '../../../lib/catalog/logging';
import type { InvocationUsage } from '../../../lib/local/contracts';
import { difference, keptByLambda, platformLogBytes, type Quantities } from '../../bench/cost-meter';
import { loggingShape } from '../../bench/cost-template';

const usage: InvocationUsage = { functionId: 'notifier', durationMs: 12.34, memoryMb: 512, ok: true };
const withInit = { ...usage, initMs: 250.5 };

/** The LoggingConfig the stack synthesizes for a `logLevel` (lib/constructs/moneta-function.ts). */
const synthesized = (logLevel: Parameters<typeof functionLogging>[0]) => {
  const logging = functionLogging(logLevel);
  return loggingShape({
    LogFormat: logging.format,
    ApplicationLogLevel: logging.applicationLogLevel,
    SystemLogLevel: logging.systemLogLevel,
  });
};

describe('Lambda platform records', () => {
  it('are START, END and REPORT lines without a LoggingConfig (text format), XRAY only when traced', () => {
    const text = loggingShape(undefined);
    expect(text).toEqual({ format: 'Text', applicationLogLevel: 'INFO', systemLogLevel: 'INFO' });
    const untraced = platformLogBytes(usage, { tracing: false, logging: text }, false);
    expect(untraced).toBeGreaterThan(200);
    expect(platformLogBytes(usage, { tracing: true, logging: text }, false)).toBeGreaterThan(untraced + 60);
    expect(platformLogBytes(withInit, { tracing: false, logging: text }, true)).toBeGreaterThan(untraced);
  });

  it('are none with the default settings: JSON at system level WARN has no START or REPORT', () => {
    const logging = synthesized(DEFAULT_LOG_LEVEL);
    expect(logging).toEqual({ format: 'JSON', applicationLogLevel: 'INFO', systemLogLevel: 'WARN' });
    expect(platformLogBytes(usage, { tracing: false, logging }, false)).toBe(0);
    expect(platformLogBytes(withInit, { tracing: true, logging }, true)).toBe(0);
  });

  it('are platform.start and platform.report at system level INFO, the trace only when traced', () => {
    const logging = loggingShape({ LogFormat: 'JSON', SystemLogLevel: 'INFO' });
    const untraced = platformLogBytes(usage, { tracing: false, logging }, false);
    expect(untraced).toBeGreaterThan(150);
    expect(platformLogBytes(usage, { tracing: true, logging }, false)).toBeGreaterThan(untraced + 100);
  });

  it('add platform.runtimeDone at DEBUG, which `logLevel: DEBUG` sets', () => {
    const info = loggingShape({ LogFormat: 'JSON', SystemLogLevel: 'INFO' });
    const debug = synthesized('DEBUG');
    expect(debug.systemLogLevel).toBe('DEBUG');
    expect(platformLogBytes(usage, { tracing: false, logging: debug }, false)).toBeGreaterThan(
      platformLogBytes(usage, { tracing: false, logging: info }, false) + 100,
    );
  });
});

describe("the function's own lines", () => {
  const debug = JSON.stringify({ level: 'DEBUG', message: 'Budgets evaluated' });
  const info = JSON.stringify({ level: 'INFO', message: 'Domain event' });
  const warn = JSON.stringify({ level: 'WARN', message: 'Event not published' });
  const emf = JSON.stringify({ _aws: { Timestamp: 0, CloudWatchMetrics: [] }, service: 'moneta-notifier' });

  it('are all kept in the text format', () => {
    for (const line of [debug, info, 'plain text']) expect(keptByLambda(line, loggingShape(undefined))).toBe(true);
  });

  it('are kept from the application log level up in JSON; lines without a level count as INFO', () => {
    const atInfo = synthesized('INFO');
    expect([debug, info, warn, emf, 'plain text'].map((line) => keptByLambda(line, atInfo))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    const atWarn = synthesized('WARN');
    expect([info, warn, emf].map((line) => keptByLambda(line, atWarn))).toEqual([false, true, false]);
  });
});

describe('what one case adds to another', () => {
  const quantities = (over: Partial<Quantities>): Quantities => ({
    lambdaRequests: 0,
    lambdaGbSeconds: 0,
    lambdaDurationUsd: 0,
    lambdaInitGbSeconds: 0,
    lambdaInitUsd: 0,
    apiRequests: 0,
    eventChunks: 0,
    archiveBytes: 0,
    writeUnits: 0,
    indexWriteUnits: 0,
    readUnits: 0,
    functionLogBytes: 0,
    platformLogBytes: 0,
    accessLogBytes: 0,
    traces: 0,
    emails: 0,
    sqsRequests: 0,
    invocationsByFunction: {},
    eventsByType: {},
    dynamodbByFunction: {},
    customMetrics: [],
    ...over,
  });

  it('subtracts every count, per function too, and keeps the metrics only the first emitted', () => {
    const withWebhook = quantities({
      lambdaRequests: 1,
      lambdaGbSeconds: 0.05,
      readUnits: 1,
      writeUnits: 6,
      sqsRequests: 2,
      invocationsByFunction: { 'webhook-dispatcher': 1 },
      dynamodbByFunction: { 'webhook-dispatcher': { read: 1, write: 6 } },
      customMetrics: ['Moneta|service=x|EventsPublished', 'Moneta|service=x|WebhooksDelivered'],
    });
    const without = quantities({
      lambdaRequests: 1,
      lambdaGbSeconds: 0.02,
      readUnits: 0.5,
      invocationsByFunction: { 'webhook-dispatcher': 1 },
      dynamodbByFunction: { 'webhook-dispatcher': { read: 0.5, write: 0 } },
      customMetrics: ['Moneta|service=x|EventsPublished'],
    });
    const added = difference(withWebhook, without);
    expect(added).toMatchObject({ lambdaRequests: 0, readUnits: 0.5, writeUnits: 6, sqsRequests: 2 });
    expect(added.lambdaGbSeconds).toBeCloseTo(0.03, 10);
    expect(added.invocationsByFunction).toEqual({ 'webhook-dispatcher': 0 });
    expect(added.dynamodbByFunction).toEqual({ 'webhook-dispatcher': { read: 0.5, write: 6 } });
    expect(added.customMetrics).toEqual(['Moneta|service=x|WebhooksDelivered']);
  });
});
