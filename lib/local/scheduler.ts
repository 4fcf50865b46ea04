/**
 * EventBridge Scheduler's schedules, run on demand. The local cloud does not keep a calendar: a
 * cron schedule (the rates feed's "hourly after 16:00 Frankfurt time on business days") would fire
 * at hours no test or demo waits for. Instead each schedule can be run now, as Scheduler would run
 * it, and the answer is the target's result:
 *
 *   GET  /schedules                 the schedules, with their expression and target
 *   POST /schedules/<name>/run      invokes the target with Scheduler's (empty) input
 *
 * On AWS the same thing is `aws lambda invoke --function-name <target>`; Scheduler has no "run now".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionId } from '../catalog/functions';
import type { Invoker, RunningService } from './contracts';
import { closeServer, listen, sendJson } from './http';

export type LocalSchedule = { name: string; expression: string; timezone: string; target: FunctionId };

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
      try {
        return sendJson(res, 200, await opts.invoker.invoke(schedule.target, {}));
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
