/**
 * The development fixtures: every message the templates were written against parses exactly as
 * labelled (names compared without regard to case and spacing).
 */
import { parseMessage } from '../../../shared/captures/parse';
import { loadFixtures, normalised, view } from '../../bench/parse-accuracy';

const fixtures = loadFixtures('develop');

test.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s parses as labelled', (_id, fixture) => {
  expect(normalised(view(parseMessage(fixture.text, fixture.context)))).toEqual(normalised(fixture.expected));
});
