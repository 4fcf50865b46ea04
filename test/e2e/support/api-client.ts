/**
 * A tiny HTTP client over Node's fetch: every call resolves (never throws on 4xx/5xx) with what a
 * user of the API would see, so tests assert on status, headers and body alike.
 */
import { stackOutputs } from './outputs';

export type ApiResult = {
  status: number;
  headers: Headers;
  /** The parsed body when it is JSON (application/json or application/problem+json), else undefined. */
  // biome-ignore lint/suspicious/noExplicitAny: a black-box test reads whatever the server sent and asserts on it.
  json: any;
  text: string;
};

type RequestOptions = {
  /** Serialised as JSON unless `rawBody` is given. */
  body?: unknown;
  /** Sent as-is with content-type application/json (for malformed JSON). */
  rawBody?: string;
  /** Bearer token for the Authorization header. */
  token?: string;
  headers?: Record<string, string>;
};

const THROTTLE_RETRIES = 20;

async function isGatewayThrottle(response: Response): Promise<boolean> {
  if (response.status !== 429 || /problem/i.test(response.headers.get('content-type') ?? '')) return false;
  return (await response.clone().text()).includes('Too Many Requests');
}

export async function call(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response = await fetch(`${stackOutputs().ApiUrl}${path}`, { method, headers, body });
  // API Gateway's own throttle (its plain `{"message":"Too Many Requests"}`, not a problem from
  // Moneta): wait and try again, as a well-behaved client does. Tests of the throttle use fetch.
  for (let attempt = 1; attempt <= THROTTLE_RETRIES && (await isGatewayThrottle(response)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
    response = await fetch(`${stackOutputs().ApiUrl}${path}`, { method, headers, body });
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let json: unknown;
  if (/json/i.test(contentType) && text !== '') json = JSON.parse(text);
  return { status: response.status, headers: response.headers, json, text };
}

export const api = {
  get: (path: string, options?: RequestOptions) => call('GET', path, options),
  post: (path: string, body?: unknown, options?: RequestOptions) => call('POST', path, { ...options, body }),
  patch: (path: string, body?: unknown, options?: RequestOptions) => call('PATCH', path, { ...options, body }),
  delete: (path: string, options?: RequestOptions) => call('DELETE', path, options),
};

/** A readable failure message: the status and body the server actually sent. */
export function describeResult(result: ApiResult): string {
  return `HTTP ${result.status} ${result.text.slice(0, 500)}`;
}
