/**
 * A typed client for the Moneta API: openapi-fetch over the types openapi-typescript generates from
 * the contract (src/schema.d.ts), plus what every caller needs — sign-in that keeps the tokens and
 * sends the bearer, a refresh and one retry when an access token has expired, Idempotency-Key
 * headers, and problem+json errors as typed values or a thrown `MonetaProblem`.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** application/problem+json (RFC 9457): `type` is `urn:moneta:problem:<slug>`, `errors` names the fields at fault. */
export type Problem = components['schemas']['Problem'];

/** What `POST /v1/auth/login` and `POST /v1/auth/refresh` answer. */
export type Tokens = operations['auth-login']['responses']['200']['content']['application/json'];

/** Money: `amount` in integer minor units of the ISO 4217 `currency` (450 USD is $4.50). */
export type Money = { amount: number; currency: string };

/**
 * Whether the API refused the access token itself rather than the request: a 401, for an expired,
 * invalid or ended token (`urn:moneta:problem:unauthorized`, `WWW-Authenticate: Bearer
 * error="invalid_token"`) or none. A 403 (a read-only token writing, a wrong password) is an answer
 * about the request, not a reason to refresh.
 */
function credentialRefused(response: Response): boolean {
  return response.status === 401;
}

export type MonetaClientOptions = {
  /** The API's root, e.g. http://127.0.0.1:4010 (`npm start`) or the stack's ApiUrl output. */
  baseUrl: string;
  /** An access token to start with (otherwise call `signIn`). */
  token?: string;
  /**
   * A refresh token: with it, a refused access token (expired or ended) is refreshed and the
   * request retried once.
   */
  refreshToken?: string;
  /** Sends a request (retries, proxies, tests); defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
};

/** A problem+json answer, thrown by `unwrap` and `signIn`. */
export class MonetaProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    const fields = problem.errors?.map((error) => error.field).join(', ');
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}${fields ? ` (${fields})` : ''}`);
    this.name = 'MonetaProblem';
  }

  /** The problem's slug: `validation-failed` for `urn:moneta:problem:validation-failed`. */
  get slug(): string {
    return this.problem.type.replace(/^urn:moneta:problem:/, '');
  }
}

export type MonetaClient = Client<paths> & {
  /** Logs in (`POST /v1/auth/login`) and sends the access token on every later request. */
  signIn(email: string, password: string): Promise<Tokens>;
  /** Forgets the tokens (the server-side `POST /v1/auth/logout` revokes them). */
  signOut(): void;
  /** Uses these tokens from now on (e.g. kept from an earlier session). */
  useTokens(tokens: { accessToken: string; refreshToken?: string }): void;
  /** The tokens in use, if signed in. */
  readonly tokens: { accessToken: string; refreshToken?: string } | undefined;
};

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or a thrown `MonetaProblem` (any other failure: an Error with the status). */
export function unwrap<T>(result: Result<T>): T {
  if (result.error === undefined && result.response.ok) return result.data as T;
  throw toProblem(result.response, result.error);
}

function toProblem(response: Response, body: unknown): Error {
  if (body && typeof body === 'object' && 'type' in body && 'title' in body) {
    return new MonetaProblem(response.status, body as Problem);
  }
  return new Error(`HTTP ${response.status} from ${response.url}`);
}

/**
 * The `params.header` of a write that must happen once: the same key with the same body replays
 * the first answer (`Idempotent-Replayed: true`) for 24 hours. Use a key derived from what the write
 * means (`salary-2026-04`) to make a script safe to re-run, or `randomUUID()` for a one-off retry.
 */
export function idempotencyKey(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/** True for a problem of this slug (`conflict`, `not-found`, `validation-failed`…). */
export function isProblem(error: unknown, slug?: string): error is MonetaProblem {
  return error instanceof MonetaProblem && (slug === undefined || error.slug === slug);
}

const AUTH_PATHS = /\/v1\/auth\//;

export function createMonetaClient(options: MonetaClientOptions): MonetaClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  let tokens: { accessToken: string; refreshToken?: string } | undefined = options.token
    ? { accessToken: options.token, refreshToken: options.refreshToken }
    : undefined;
  const client = createClient<paths>({ baseUrl, fetch: (request) => fetchImpl(request) });
  /** A copy of each authenticated request's body, kept until its answer, for the retry after a refresh. */
  const pending = new Map<string, Request>();
  let refreshing: Promise<boolean> | undefined;

  async function refresh(): Promise<boolean> {
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) return false;
    const { data } = await client.POST('/v1/auth/refresh', { body: { refreshToken } });
    if (!data) return false;
    tokens = { accessToken: data.accessToken, refreshToken: data.refreshToken ?? refreshToken };
    return true;
  }

  const bearer: Middleware = {
    onRequest({ request, id }) {
      if (!tokens || AUTH_PATHS.test(new URL(request.url).pathname)) return undefined;
      request.headers.set('authorization', `Bearer ${tokens.accessToken}`);
      if (tokens.refreshToken) pending.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id }) {
      const original = pending.get(id);
      pending.delete(id);
      if (!credentialRefused(response) || !original) return undefined;
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      if (!(await refreshing) || !tokens) return undefined;
      original.headers.set('authorization', `Bearer ${tokens.accessToken}`);
      return fetchImpl(original);
    },
  };
  client.use(bearer);

  const monetaClient = Object.assign(client, {
    async signIn(email: string, password: string): Promise<Tokens> {
      const { data, error, response } = await client.POST('/v1/auth/login', { body: { email, password } });
      if (error !== undefined || !data) throw toProblem(response, error);
      if (response.status !== 200) {
        throw new Error('This user has two-factor authentication: answer the challenge with POST /v1/auth/login/mfa');
      }
      const signedIn = data as Tokens;
      tokens = { accessToken: signedIn.accessToken, refreshToken: signedIn.refreshToken };
      return signedIn;
    },
    signOut(): void {
      tokens = undefined;
    },
    useTokens(next: { accessToken: string; refreshToken?: string }): void {
      tokens = { ...next };
    },
  });
  // A getter, not a copied value: Object.assign would freeze today's tokens into the property.
  Object.defineProperty(monetaClient, 'tokens', { get: () => (tokens ? { ...tokens } : undefined), enumerable: true });
  return monetaClient as MonetaClient;
}
