/**
 * EventBridge Scheduler's schedules, run on demand. The local cloud does not keep a calendar: a
 * cron schedule (the rates feed's "hourly after 16:00 Frankfurt time on business days") would fire
 * at hours no test or demo waits for. Instead each schedule can be run now, as Scheduler would run
 * it, and the answer is the target's result:
 *
 *   GET  /schedules                 the schedules, with their expression and target
 *   POST /schedules/<name>/run      invokes the target with the schedule's input, as Scheduler
 *                                   would for a run scheduled now, or at `?scheduledTime=<ISO instant>`
 *
 * Scheduler replaces the context attributes in a target's input (`<aws.scheduler.scheduled-time>`
 * …) with the run's values; only the scheduled time is used here, so only it is replaced (with
 * Scheduler's format, whole seconds in UTC). A test runs a schedule "as of" an instant that way.
 *
 * On AWS the same thing is `aws lambda invoke --function-name <target>`; Scheduler has no "run now".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionId } from '../catalog/functions';
import { SCHEDULED_TIME } from '../catalog/monthly-summary';
import type { Invoker, RunningService } from './contracts';
import { closeServer, listen, sendJson } from './http';

export type LocalSchedule = {
  name: string;
  expression: string;
  timezone: string;
  target: FunctionId;
  /** The target's input, with Scheduler's context attribute placeholders; `{}` when none. */
  input?: Readonly<Record<string, unknown>>;
};

/** The input with every scheduled-time placeholder replaced by the run's instant. */
export function scheduledInput(input: Readonly<Record<string, unknown>> | undefined, at: Date): unknown {
  const time = `${at.toISOString().slice(0, 19)}Z`;
  return JSON.parse(JSON.stringify(input ?? {}).replaceAll(SCHEDULED_TIME, time));
}

export async function startScheduler(opts: {
  port: number;
  schedules: readonly LocalSchedule[];
  invoker: Invoker;
}): Promise<RunningService> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/schedules') return sendJson(res, 200, { schedules: opts.schedules });
    const name = /^\/schedules\/([^/]+)\/run$/.exec(url.pathname)?.[1];
    const schedule = opts.schedules.find((candidate) => candidate.name === name);
    if (req.method === 'POST' && schedule) {
      const given = url.searchParams.get('scheduledTime');
      const at = given === null ? new Date() : new Date(given);
      if (Number.isNaN(at.getTime())) return sendJson(res, 400, { message: 'scheduledTime is not an ISO instant' });
      try {
        return sendJson(res, 200, await opts.invoker.invoke(schedule.target, scheduledInput(schedule.input, at)));
      } catch (error) {
        return sendJson(res, 500, { message: (error as Error).message });
      }
    }
    sendJson(res, 404, { message: `No schedule for ${req.method} ${url.pathname}` });
  });
  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => closeServer(server),
  };
}
