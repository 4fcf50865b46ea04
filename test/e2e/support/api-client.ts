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
/** The longest Retry-After of a request budget the client waits out (auth-email's is 30 s). */
const LONGEST_WAIT_SECONDS = 30;

/**
 * How long to wait before trying again, for a throttled answer; none for any other. API Gateway's
 * own throttle is its plain `{"message":"Too Many Requests"}`; Moneta's request budget is a
 * `rate-limited` problem with Retry-After (docs/security.md, "Request limits").
 */
async function throttledWaitMs(response: Response, attempt: number): Promise<number | undefined> {
  if (response.status !== 429) return undefined;
  if (!/problem/i.test(response.headers.get('content-type') ?? '')) {
    return (await response.clone().text()).includes('Too Many Requests') ? Math.min(250 * attempt, 2_000) : undefined;
  }
  const problem = (await response.clone().json()) as { type?: string };
  const retryAfter = Number(response.headers.get('retry-after'));
  if (!problem.type?.endsWith('rate-limited') || !(retryAfter >= 1 && retryAfter <= LONGEST_WAIT_SECONDS))
    return undefined;
  return retryAfter * 1000;
}

export async function call(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response = await fetch(`${stackOutputs().ApiUrl}${path}`, { method, headers, body });
  // A throttled answer (API Gateway's own throttle, or the caller's request budget): wait as told
  // and try again, as a well-behaved client does. Tests of the throttles and budgets use fetch.
  for (let attempt = 1; attempt <= THROTTLE_RETRIES; attempt++) {
    const wait = await throttledWaitMs(response, attempt);
    if (wait === undefined) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
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
