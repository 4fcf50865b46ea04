/**
 * One signed POST to a webhook target, through request-filtering-agent: the agent checks the
 * address every connection actually uses, after DNS resolution, against the same policy as
 * ./targets.ts, so a host name that resolved to a public address when the webhook was saved and to
 * a private one now is refused. Redirects are not followed (node:http never does): a 3xx is a
 * failed attempt, so a public target cannot bounce the request to a private one.
 */
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { LOOPBACK_RANGES, type TargetPolicy } from './targets';

/** A receiver has this long to answer (Standard Webhooks suggests a short timeout). */
export const ATTEMPT_TIMEOUT_MS = 5_000;

export type AttemptResult =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string | null };

function agentsFor(policy: TargetPolicy) {
  const options = {
    allowPrivateIPAddress: false,
    allowMetaIPAddress: false,
    allowIPAddressList: policy.allowLocalHttp ? [...LOOPBACK_RANGES] : [],
    keepAlive: false,
  };
  return { http: new RequestFilteringHttpAgent(options), https: new RequestFilteringHttpsAgent(options) };
}

/** Builds the sender for one policy (the function's environment: fixed for its lifetime). */
export function createSender(policy: TargetPolicy, timeoutMs = ATTEMPT_TIMEOUT_MS) {
  const agents = agentsFor(policy);
  return function send(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && !(policy.allowLocalHttp && target.protocol === 'http:')) {
      return Promise.resolve({ ok: false, statusCode: null, error: 'scheme not allowed' });
    }
    const request = secure ? https.request : http.request;
    return new Promise((resolve) => {
      const outgoing = request(
        target,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Moneta-Webhooks/1',
          },
          timeout: timeoutMs,
        },
        (response) => {
          // The answer's body means nothing to us: drain it so the socket closes.
          response.resume();
          const statusCode = response.statusCode ?? 0;
          resolve(
            statusCode >= 200 && statusCode < 300
              ? { ok: true, statusCode }
              : {
                  ok: false,
                  statusCode,
                  error: statusCode >= 300 && statusCode < 400 ? 'redirect not followed' : null,
                },
          );
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      // The error names the cause (refused address, DNS, TLS, timeout); it holds no user data.
      outgoing.on('error', (error) => resolve({ ok: false, statusCode: null, error: error.message.slice(0, 200) }));
      outgoing.end(body);
    });
  };
}
export type Send = ReturnType<typeof createSender>;
