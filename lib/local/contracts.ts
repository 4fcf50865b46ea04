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
  /** Files of a raw (MIME) message, decoded; the bytes as base64. */
  attachments?: { filename: string; contentType: string; size: number; contentBase64: string }[];
  /** A raw message exactly as sent (base64), so nothing the parser skips is lost. */
  raw?: string;
};

export interface Outbox extends RunningService {
  deliver(mail: Omit<OutboxMail, 'id' | 'receivedAt'>): Promise<OutboxMail>;
}

/** Opt-in chaos for the local bus: every event delivered `duplicates` extra times, shuffled. */
export type ChaosOptions = { enabled: boolean; duplicates: number; maxDelayMs: number };

/** One finished invocation, as the Lambda service would bill it. */
export type InvocationUsage = {
  functionId: string;
  memoryMb: number;
  /** From the end of init to the handler's answer (Lambda's Duration). */
  durationMs: number;
  /** The init phase, when this invocation started a fresh environment (Lambda's Init Duration). */
  initMs?: number;
  ok: boolean;
};

/** One event accepted by PutEvents, with the parts EventBridge meters. */
export type PublishedEventUsage = {
  source: string;
  detailType: string;
  /** The Detail string as sent. */
  detail: string;
  resources: string[];
  /** Whether the entry carried its own Time (14 bytes in the billed size). */
  hasTime: boolean;
  /** The whole event as delivered and archived (the JSON envelope). */
  envelope: string;
};

/**
 * Opt-in observation of what AWS would bill, for the cost benchmark. The local cloud calls these
 * and nothing else changes; without a meter nothing is recorded, so tests never see a difference.
 */
export type UsageMeter = {
  /** Variables laid over one function's environment (e.g. a metering DynamoDB endpoint). */
  functionEnvironment?(functionId: string): Record<string, string>;
  invocation?(usage: InvocationUsage): void;
  /** What a function wrote to stdout or stderr: on AWS, the log events of its log group. */
  functionOutput?(functionId: string, chunk: string): void;
  /** A request the HTTP API answered; `routeKey` is undefined when no route matched. */
  apiRequest?(usage: { routeKey?: string; status: number }): void;
  eventPublished?(usage: PublishedEventUsage): void;
  emailSent?(usage: { recipients: number }): void;
  /** An SQS API action (ReceiveMessage, SendMessage, …) on a queue. */
  sqsRequest?(usage: { action: string }): void;
};
