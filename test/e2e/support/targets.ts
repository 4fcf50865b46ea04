/**
 * Which tests can run against which target. Tests that read mail or mint tokens with the issuer's
 * key need the local cloud; elsewhere they are reported as skipped (with the reason printed), never
 * turned into silent passes.
 */
import { isLocalCloud } from './outputs';

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
