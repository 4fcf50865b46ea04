/**
 * Small HTTP helpers the local cloud's emulated services share (the bus, the outbox, Cognito).
 */

import { mkdir, readFile } from 'node:fs/promises';
import type { createServer, IncomingMessage, ServerResponse } from 'node:http';

/** API Gateway's payload limit for HTTP APIs; the emulated services take no more either. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request body parsed as JSON; undefined when it is not JSON (the caller answers the
 * service's own "malformed" error). An empty body is `emptyAs`. Throws past MAX_BODY_BYTES.
 */
export async function readJson(req: IncomingMessage, { emptyAs }: { emptyAs?: unknown } = {}): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return emptyAs;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body));
}

/**
 * Listens on loopback only: nothing of the local cloud is reachable from another machine.
 *
 * Idle keep-alive connections are left for the client to close, as AWS's endpoints leave them for
 * minutes. With Node's default (the server drops a connection idle for 5 s and tells the client
 * so), a client whose own timer runs late on a busy machine reuses a connection the server is
 * closing at that moment, and its request fails with "other side closed".
 */
export function listen(server: ReturnType<typeof createServer>, port: number, host = '127.0.0.1'): Promise<void> {
  server.keepAliveTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops a server now: keep-alive connections are closed too, instead of holding `close` open. */
export function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Reads a JSON-lines file (created if absent); a torn last line after a crash is dropped. */
export async function readJsonLines<T>(dir: string, file: string): Promise<T[]> {
  await mkdir(dir, { recursive: true });
  const raw = await readFile(file, 'utf8').catch(() => '');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as T];
      } catch {
        return [];
      }
    });
}
