/** What every function's logger and metrics write: each line and each EMF document is paid for. */
import { Logger } from '@aws-lambda-powertools/logger';
import { LeanLogFormatter, MonetaMetrics } from '../../../shared/kit/observability';
import { lambdaContext } from '../support/eventbridge-event';
import { logLines } from '../support/log-output';

const written = async (run: () => void) => {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    }),
  );
  try {
    run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('');
};

describe('log lines', () => {
  it('carry level, message, time and request id, then their own keys: not the function, which the log group names', async () => {
    const logger = new Logger({ logLevel: 'INFO', logFormatter: new LeanLogFormatter() });
    logger.addContext(lambdaContext('audit-logger'));

    const [line] = await logLines(async () => logger.warn('Event not published', { sourceEventId: 'stream-1' }));

    expect(Object.keys(line!)).toEqual(['level', 'message', 'timestamp', 'function_request_id', 'sourceEventId']);
    expect(line).toMatchObject({ level: 'WARN', message: 'Event not published', sourceEventId: 'stream-1' });
  });

  it('carry the trace id only when the trace is sampled', async () => {
    const logger = new Logger({ logLevel: 'INFO', logFormatter: new LeanLogFormatter() });
    const traceOf = async (header: string) => {
      process.env._X_AMZN_TRACE_ID = header;
      try {
        const [line] = await logLines(async () => logger.info('Email sent'));
        return line?.xray_trace_id;
      } finally {
        delete process.env._X_AMZN_TRACE_ID;
      }
    };
    const root = '1-5759e988-bd862e3fe1be46a994272793';
    expect(await traceOf(`Root=${root};Parent=53995c3f42cd8ad8;Sampled=0`)).toBeUndefined();
    expect(await traceOf(`Root=${root};Parent=53995c3f42cd8ad8;Sampled=1`)).toBe(root);
  });
});

describe('metrics', () => {
  const withLevel = (level: string | undefined, run: () => void) => {
    const before = process.env.AWS_LAMBDA_LOG_LEVEL;
    if (level === undefined) delete process.env.AWS_LAMBDA_LOG_LEVEL;
    else process.env.AWS_LAMBDA_LOG_LEVEL = level;
    try {
      run();
    } finally {
      if (before === undefined) delete process.env.AWS_LAMBDA_LOG_LEVEL;
      else process.env.AWS_LAMBDA_LOG_LEVEL = before;
    }
  };

  it('write nothing for an invocation that counted nothing', async () => {
    const metrics = new MonetaMetrics({ namespace: 'MonetaTest', serviceName: 'moneta-test' });
    expect(await written(() => metrics.publishStoredMetrics())).toBe('');
  });

  it('carry no level at INFO (Lambda files them as INFO) and the level in force above it, so Lambda keeps them', () => {
    const documentAt = (level: string | undefined) => {
      let document: Record<string, unknown> = {};
      withLevel(level, () => {
        const metrics = new MonetaMetrics({ namespace: 'MonetaTest', serviceName: 'moneta-test' });
        metrics.addMetric('EmailsSent', 'Count', 1);
        document = metrics.serializeMetrics() as Record<string, unknown>;
      });
      return document;
    };
    expect(documentAt(undefined)).not.toHaveProperty('level');
    expect(documentAt('INFO')).not.toHaveProperty('level');
    expect(documentAt('DEBUG')).not.toHaveProperty('level');
    expect(documentAt('WARN')).toMatchObject({ level: 'WARN', EmailsSent: 1 });
    expect(documentAt('ERROR')).toMatchObject({ level: 'ERROR' });
  });
});
