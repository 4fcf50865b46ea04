/**
 * Bootstrap of one local "execution environment": a worker thread that loads one function bundle
 * and runs one invocation at a time, like the Lambda Node.js runtime does. It is bundled on its
 * own by function-runtime.ts, so it must import nothing from the repository that pulls in more
 * than Node built-ins.
 *
 * Protocol (parent → worker): `{ type: 'invoke', requestId, event (JSON text), timeoutMs, context }`.
 * Worker → parent: `{ type: 'started', requestId }` once init is done (the timeout clock starts
 * there, as Lambda keeps init and invoke time apart), then `{ type: 'result', requestId, payload }`
 * or `{ type: 'error', requestId, errorType, errorMessage, fatal }`.
 */

import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

export type InvokeMessage = {
  type: 'invoke';
  requestId: string;
  /** The event as JSON text: Lambda hands handlers parsed JSON, never live objects (no Dates). */
  event: string;
  timeoutMs: number;
  context: {
    functionName: string;
    functionVersion: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    logGroupName: string;
    logStreamName: string;
  };
};

export type WorkerReply =
  | { type: 'started'; requestId: string }
  | { type: 'result'; requestId: string; payload: string }
  | { type: 'error'; requestId: string; errorType: string; errorMessage: string; fatal: boolean };

export type WorkerData = { bundlePath: string };

type Handler = (event: unknown, context: unknown, callback?: (error: unknown, result?: unknown) => void) => unknown;

let handler: Handler | undefined;

// Lambda resolves `_HANDLER` (`index.handler`) to a named export of the bundle.
async function loadHandler(bundlePath: string): Promise<Handler> {
  if (process.env.NODE_OPTIONS?.includes('--enable-source-maps')) process.setSourceMapsEnabled(true);
  const exportName = (process.env._HANDLER ?? 'index.handler').split('.').pop() ?? 'handler';
  const module = (await import(pathToFileURL(bundlePath).href)) as Record<string, unknown>;
  const candidate = module[exportName];
  if (typeof candidate !== 'function') {
    throw Object.assign(new Error(`${process.env._HANDLER} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  return candidate as Handler;
}

function lambdaContext(message: InvokeMessage) {
  const deadline = Date.now() + message.timeoutMs;
  return {
    ...message.context,
    awsRequestId: message.requestId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function callHandler(fn: Handler, event: unknown, context: unknown): Promise<unknown> {
  // Callback-style handlers (three parameters) are still supported by the Node.js runtime.
  if (fn.length >= 3) {
    return new Promise((resolve, reject) => {
      fn(event, context, (error, result) => (error ? reject(error) : resolve(result)));
    });
  }
  return Promise.resolve(fn(event, context));
}

function errorReply(requestId: string, error: unknown, fatal: boolean): WorkerReply {
  const err = error instanceof Error ? error : new Error(String(error));
  return { type: 'error', requestId, errorType: err.name || 'Error', errorMessage: err.message, fatal };
}

async function onInvoke(message: InvokeMessage): Promise<WorkerReply> {
  if (!handler) {
    try {
      handler = await loadHandler((workerData as WorkerData).bundlePath);
    } catch (error) {
      // An init failure leaves the environment unusable; the parent discards it and the next
      // invocation starts a fresh one, as Lambda does.
      return errorReply(message.requestId, error, true);
    }
  }
  parentPort?.postMessage({ type: 'started', requestId: message.requestId } satisfies WorkerReply);
  const requestId = message.requestId;
  process.stdout.write(`START RequestId: ${requestId} Version: ${message.context.functionVersion}\n`);
  const started = performance.now();
  let reply: WorkerReply;
  try {
    const result = await callHandler(handler, JSON.parse(message.event), lambdaContext(message));
    reply = { type: 'result', requestId, payload: JSON.stringify(result ?? null) };
  } catch (error) {
    reply = errorReply(requestId, error, false);
  }
  process.stdout.write(`END RequestId: ${requestId}\n`);
  const duration = (performance.now() - started).toFixed(2);
  process.stdout.write(`REPORT RequestId: ${requestId}\tDuration: ${duration} ms\n`);
  return reply;
}

parentPort?.on('message', (message: InvokeMessage) => {
  if (message?.type !== 'invoke') return;
  void onInvoke(message).then((reply) => parentPort?.postMessage(reply));
});
