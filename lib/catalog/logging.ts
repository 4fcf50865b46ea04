/**
 * How every function logs, from the one `logLevel` deploy setting (lib/context.ts): Lambda's
 * advanced logging controls, which the stack sets (lib/constructs/moneta-function.ts) and the
 * local cloud reproduces (lib/local/function-runtime.ts).
 *
 * - Log format JSON: the precondition for both log-level filters below. Powertools writes JSON
 *   lines already; Lambda keeps them as they are.
 * - Application log level = `logLevel`. Lambda drops application lines below it, and it sets
 *   AWS_LAMBDA_LOG_LEVEL in the sandbox, which Powertools' Logger takes over any other level
 *   (POWERTOOLS_LOG_LEVEL included): the functions and the filter cannot disagree.
 * - System log level WARN, DEBUG when `logLevel` is DEBUG. Lambda's own records are leveled too:
 *   "By default, Lambda sets the system log level to INFO. With this setting, Lambda automatically
 *   sends 'start' and 'report' log messages to CloudWatch" (AWS Lambda Developer Guide, "Log-level
 *   filtering", docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html);
 *   at WARN it sends neither (platform.start and platform.report are INFO records). They were a
 *   third of a transaction's log bytes, and Lambda's Duration, Errors and Throttles metrics carry
 *   the same figures. At DEBUG they come back, with the DEBUG records (platform.runtimeDone).
 */

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'INFO';

export type SystemLogLevel = 'DEBUG' | 'INFO' | 'WARN';

export type FunctionLogging = {
  format: 'JSON';
  applicationLogLevel: LogLevel;
  systemLogLevel: SystemLogLevel;
};

export function functionLogging(logLevel: LogLevel): FunctionLogging {
  return {
    format: 'JSON',
    applicationLogLevel: logLevel,
    systemLogLevel: logLevel === 'DEBUG' ? 'DEBUG' : 'WARN',
  };
}

/** What Lambda sets in the sandbox for a logging configuration (read by Powertools' Logger). */
export function loggingEnvironment(logging: FunctionLogging): Record<string, string> {
  return { AWS_LAMBDA_LOG_FORMAT: logging.format, AWS_LAMBDA_LOG_LEVEL: logging.applicationLogLevel };
}
