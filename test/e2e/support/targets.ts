/**
 * Which tests can run against which target. Tests that read mail, mint tokens with the issuer's
 * key, switch the local cloud's chaos and outages, or wait on its bus's idle signal need the local
 * cloud; elsewhere they are reported as skipped (with the reason printed), never turned into silent
 * passes. On the local cloud nothing is skipped: test/support/zero-skips-reporter.cjs fails a local
 * run that skipped a test.
 */
import { isLocalCloud, stackOutputs } from './outputs';

function announceSkip(what: string, reason: string): void {
  process.stdout.write(`e2e: skipping "${what}": ${reason}\n`);
}

/** `describe` when the target has a mailbox (the local cloud's outbox), `describe.skip` otherwise. */
export function describeWithMailbox(name: string, fn: () => void): void {
  if (isLocalCloud()) {
    describe(name, fn);
    return;
  }
  announceSkip(name, 'the target has no OutboxUrl, so codes and mails cannot be read');
  describe.skip(name, fn);
}

/** `test` on the local cloud, whose signing key is public (cognito-local's); `test.skip` elsewhere. */
export function testWithIssuerKey(name: string, fn: () => Promise<void>): void {
  if (isLocalCloud()) {
    test(name, fn);
    return;
  }
  announceSkip(name, "only the local cloud's token signing key is known to the suite");
  test.skip(name, fn);
}

/**
 * `describe` on the local cloud, whose functions reach a receiver the test starts on this machine
 * (and which admits http on loopback); `describe.skip` elsewhere.
 */
export function describeWithLoopbackReceiver(name: string, fn: () => void): void {
  if (isLocalCloud()) {
    describe(name, fn);
    return;
  }
  announceSkip(name, "a deployment's functions cannot reach a receiver on this machine's loopback");
  describe.skip(name, fn);
}

/** The local bus's controls (chaos, outages) and idle signal exist only on the local cloud. */
export function hasLocalBus(): boolean {
  return stackOutputs().EventBridgeEndpoint !== undefined;
}

const NO_LOCAL_BUS =
  "the target has no EventBridgeEndpoint: chaos, outages and the bus's idle signal are the local cloud's";

/** `describe` on the local cloud, whose chaos and outage switches the suite flips; `describe.skip` elsewhere. */
export function describeWithLocalControls(name: string, fn: () => void): void {
  if (hasLocalBus()) {
    describe(name, fn);
    return;
  }
  announceSkip(name, NO_LOCAL_BUS);
  describe.skip(name, fn);
}

/**
 * For a file whose tests wait for quiescence with settle() (the local bus's idle signal): jest's
 * own `describe`, `test` and `it` on the local cloud, their skipping forms elsewhere, with the
 * reason printed once. A file opts in with one line that shadows the globals:
 * `const { describe, test, it } = untilQuiescent('insights');`.
 */
export function untilQuiescent(what: string): { describe: jest.Describe; test: jest.It; it: jest.It } {
  if (hasLocalBus()) return { describe, test, it };
  announceSkip(what, NO_LOCAL_BUS);
  return { describe: describe.skip, test: test.skip, it: it.skip };
}

/**
 * `test` on the local cloud, where the suite can send from an address of its own (any of
 * 127.0.0.0/8), so what it spends of a per-address budget is not the rest of the run's; `test.skip`
 * elsewhere, where every request of the run comes from the runner's one address.
 */
export function testWithOwnAddress(name: string, fn: () => Promise<void>): void {
  if (isLocalCloud()) {
    test(name, fn);
    return;
  }
  announceSkip(name, "a deployment sees every request of the run from the runner's one address");
  test.skip(name, fn);
}
