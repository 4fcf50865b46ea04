/**
 * The bank-message parser offline: field accuracy on the holdout fixtures (written apart from the
 * templates) and the time one message takes. No local cloud: the parser is pure.
 */
import { parseMessage } from '../../shared/captures/parse';
import { loadFixtures, score, scoreTable } from './parse-accuracy';

/** Parses every fixture over and over for about this long. */
const BUDGET_MS = Number(process.env.BENCH_PARSE_MS ?? 1500);

export function measureParse(): void {
  const holdout = loadFixtures('holdout');
  const develop = loadFixtures('develop');
  const result = score(holdout);
  console.log(`Holdout: ${holdout.length} messages (development set: ${develop.length})\n`);
  console.log(scoreTable(result));
  console.log(
    `\nNon-transactions taken for transactions: ${result.recordedNonTransactions.length}; ignored with another reason than labelled: ${result.wrongReasons.length}`,
  );

  const messages = [...develop, ...holdout];
  for (const fixture of messages) parseMessage(fixture.text, fixture.context); // warm-up: compile the patterns
  let parsed = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < BUDGET_MS) {
    for (const fixture of messages) parseMessage(fixture.text, fixture.context);
    parsed += messages.length;
    elapsed = performance.now() - started;
  }
  const longest = messages.reduce((max, fixture) => Math.max(max, fixture.text.length), 0);
  console.log(
    `\n${((elapsed * 1000) / parsed).toFixed(1)} µs per message (mean over ${parsed} parses of ${messages.length} messages up to ${longest} characters, one core)`,
  );
}
