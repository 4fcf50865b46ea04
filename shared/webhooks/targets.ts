/**
 * Which URLs a webhook may point at. A delivery is a request our function makes on the user's
 * behalf, so a URL must never reach what only our network can: the Lambda runtime API on loopback,
 * the instance metadata service (169.254.169.254, fd00:ec2::254), a VPC's private ranges. Only
 * public unicast addresses are admitted (ipaddr.js's `unicast` range: no private, loopback,
 * link-local, CGNAT, multicast, reserved, unique-local or IPv4-mapped address), checked twice:
 * when the webhook is saved, and again on every connection after DNS resolution (./send.ts), so a
 * name that later resolves elsewhere (DNS rebinding) is refused at the moment it would connect.
 *
 * One setting widens this, for the local cloud only: `WEBHOOK_ALLOW_LOCAL_HTTP=true` admits
 * `http://` and loopback addresses (a receiver on the developer's machine). The stack never sets it
 * (lib/catalog/environment.ts), so on AWS targets are https and public.
 */
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export type TargetPolicy = {
  /** Admit `http://` and loopback targets (the local cloud's receivers). */
  allowLocalHttp: boolean;
};

export const TARGET_POLICY_VARIABLE = 'WEBHOOK_ALLOW_LOCAL_HTTP';

export function targetPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): TargetPolicy {
  return { allowLocalHttp: env[TARGET_POLICY_VARIABLE] === 'true' };
}

/** What the local setting adds: the machine itself, never its network or the metadata service. */
export const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'] as const;

export const MAX_URL_LENGTH = 2048;

/** Whether a connection to this address is allowed. Anything that does not parse is refused. */
export function addressAllowed(address: string, policy: TargetPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1 on the wire: judge the IPv4 address it carries.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return true;
  return policy.allowLocalHttp && range === 'loopback';
}

export type Resolve = (hostname: string) => Promise<string[]>;

const resolveAll: Resolve = async (hostname) => (await lookup(hostname, { all: true })).map((entry) => entry.address);

/**
 * Why a URL cannot be a webhook target, or undefined when it can. Resolves the host name: every
 * address it resolves to must be allowed (a name with one private address is refused).
 */
export async function targetProblem(
  url: string,
  policy: TargetPolicy,
  resolve: Resolve = resolveAll,
): Promise<string | undefined> {
  if (url.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL such as https://example.com/hooks';
  }
  const schemes = policy.allowLocalHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(parsed.protocol)) return 'must be an https:// URL';
  if (parsed.username || parsed.password) return 'must not contain credentials';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(host)) {
    return addressAllowed(host, policy) ? undefined : 'must not point at a private, loopback or link-local address';
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return 'must name a host that resolves';
  }
  if (addresses.length === 0) return 'must name a host that resolves';
  return addresses.every((address) => addressAllowed(address, policy))
    ? undefined
    : 'must not resolve to a private, loopback or link-local address';
}
