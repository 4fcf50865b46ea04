/**
 * The local cloud's Scheduler (lib/local/scheduler.ts): run a schedule now, or "as of" a given
 * instant (Scheduler's `<aws.scheduler.scheduled-time>` in the target's input), and read its answer.
 */
import { stackOutputs } from './outputs';

export async function runSchedule<T>(name: string, scheduledTime?: string): Promise<T> {
  const base = stackOutputs().SchedulerEndpoint;
  if (!base) throw new Error('This target has no SchedulerEndpoint: schedules run on demand in the local cloud only');
  const query = scheduledTime ? `?scheduledTime=${encodeURIComponent(scheduledTime)}` : '';
  const response = await fetch(`${base}/schedules/${name}/run${query}`, { method: 'POST' });
  if (!response.ok) throw new Error(`Running schedule ${name} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}
