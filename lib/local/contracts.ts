/**
 * The seams between the local cloud's parts. Each service module starts one emulated AWS service
 * and returns a handle; lib/local/cloud.ts wires them together.
 */
import type { FunctionId } from '../catalog/functions';

/** Runs a function by id, the way the Lambda service would, with the function's own environment. */
export interface Invoker {
  /** Resolves with the handler's return value; rejects with a FunctionError when the handler throws. */
  invoke(functionId: FunctionId, event: unknown): Promise<unknown>;
}

export class FunctionError extends Error {
  constructor(
    readonly functionId: string,
    readonly errorType: string,
    message: string,
  ) {
    super(`${functionId} failed: ${errorType}: ${message}`);
  }
}

export interface RunningService {
  /** Base URL (http://127.0.0.1:port) the service listens on. */
  url: string;
  stop(): Promise<void>;
}

/** An email as the local SES outbox keeps it (also how Cognito's code emails are delivered). */
export type OutboxMail = {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  /** `ses` for SendEmail calls from functions, `cognito` for Cognito's own code emails. */
  via: 'ses' | 'cognito';
  configurationSet?: string;
  tags?: Record<string, string>;
};

export interface Outbox extends RunningService {
  deliver(mail: Omit<OutboxMail, 'id' | 'receivedAt'>): Promise<OutboxMail>;
}

/** Opt-in chaos for the local bus: every event delivered `duplicates` extra times, shuffled. */
export type ChaosOptions = { enabled: boolean; duplicates: number; maxDelayMs: number };
