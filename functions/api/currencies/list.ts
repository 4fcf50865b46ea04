/** GET /v1/currencies: every currency Moneta accepts, with its minor-unit exponent and English name. */

import { authenticatedRoute, noParams } from '../../../shared/kit/http/api-handler';
import { currencyCodes, exponentOf } from '../../../shared/kit/money/currencies';

const names = new Intl.DisplayNames(['en'], { type: 'currency' });

// Static data: built once per execution environment. currencyCodes is already sorted by code.
const body = {
  items: currencyCodes.map((code) => ({ code, exponent: exponentOf(code), name: names.of(code) ?? code })),
};

export const handler = authenticatedRoute({ query: noParams }, async () => ({ status: 200, body }));
