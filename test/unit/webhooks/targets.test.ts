/**
 * Which URLs a webhook may point at (shared/webhooks/targets.ts): public https only; private,
 * loopback, link-local (the metadata service), CGNAT, multicast, unique-local and IPv4-mapped
 * addresses are refused, as literals and as what a host name resolves to. The local setting admits
 * http and loopback, and nothing else.
 */
import { addressAllowed, targetPolicyFromEnv, targetProblem } from '../../../shared/webhooks/targets';

const aws = { allowLocalHttp: false };
const local = { allowLocalHttp: true };
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

test.each([
  '127.0.0.1',
  '127.1.2.3',
  '10.0.0.1',
  '10.255.255.254',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '224.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '::1',
  '::',
  'fd00::1',
  'fd00:ec2::254',
  'fe80::1',
  'ff02::1',
  '::ffff:10.0.0.1',
  '::ffff:127.0.0.1',
  '::ffff:169.254.169.254',
])('%s is refused', (address) => {
  expect(addressAllowed(address, aws)).toBe(false);
});

test.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])('%s (public) is allowed', (address) => {
  expect(addressAllowed(address, aws)).toBe(true);
});

test('the local setting admits loopback only: not the LAN, not the metadata service', () => {
  expect(addressAllowed('127.0.0.1', local)).toBe(true);
  expect(addressAllowed('::1', local)).toBe(true);
  for (const address of ['10.0.0.1', '192.168.1.1', '169.254.169.254', 'fd00::1', '100.64.0.1']) {
    expect(addressAllowed(address, local)).toBe(false);
  }
});

test('the setting is read from WEBHOOK_ALLOW_LOCAL_HTTP, off unless exactly "true"', () => {
  expect(targetPolicyFromEnv({})).toEqual(aws);
  expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_LOCAL_HTTP: '1' })).toEqual(aws);
  expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_LOCAL_HTTP: 'true' })).toEqual(local);
});

describe('a URL at creation', () => {
  test('https to a host resolving to public addresses is accepted', async () => {
    expect(await targetProblem('https://hooks.example.com/in', aws, resolvesTo('93.184.215.14'))).toBeUndefined();
  });

  test.each([
    ['https://127.0.0.1/x'],
    ['https://10.1.2.3/x'],
    ['https://169.254.169.254/latest/meta-data/'],
    ['https://[::1]:8443/x'],
    ['https://[fd00::1]/x'],
    ['https://[::ffff:a00:1]/x'],
  ])('a private address literal is refused: %s', async (url) => {
    expect(await targetProblem(url, aws, resolvesTo('93.184.215.14'))).toMatch(/private, loopback or link-local/);
  });

  test('a host name resolving to a private address is refused, even among public ones', async () => {
    expect(await targetProblem('https://internal.example.com/', aws, resolvesTo('10.0.0.5'))).toMatch(
      /must not resolve to a private/,
    );
    expect(await targetProblem('https://mixed.example.com/', aws, resolvesTo('93.184.215.14', '192.168.0.1'))).toMatch(
      /must not resolve to a private/,
    );
    expect(await targetProblem('https://localhost/', aws)).toMatch(/must not resolve to a private/);
  });

  test('http, other schemes, credentials, garbage and unresolvable names are refused', async () => {
    const fails = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await targetProblem('http://hooks.example.com/', aws, resolvesTo('93.184.215.14'))).toBe(
      'must be an https:// URL',
    );
    expect(await targetProblem('ftp://hooks.example.com/', aws)).toBe('must be an https:// URL');
    expect(await targetProblem('https://user:pw@hooks.example.com/', aws, resolvesTo('93.184.215.14'))).toBe(
      'must not contain credentials',
    );
    expect(await targetProblem('not a url', aws)).toMatch(/absolute URL/);
    expect(await targetProblem('https://nowhere.invalid/', aws, fails)).toBe('must name a host that resolves');
    expect(await targetProblem(`https://example.com/${'a'.repeat(2048)}`, aws)).toMatch(/at most 2048/);
  });

  test('with the local setting, http on loopback is accepted and a private address still refused', async () => {
    expect(await targetProblem('http://127.0.0.1:9999/hook', local)).toBeUndefined();
    expect(await targetProblem('http://localhost:9999/hook', local)).toBeUndefined();
    expect(await targetProblem('http://10.0.0.1/hook', local)).toMatch(/private/);
    expect(await targetProblem('http://169.254.169.254/', local)).toMatch(/private/);
  });
});
