/** GET /v1/currencies: every currency Moneta accepts, with its minor-unit exponent and English name. */

import { userRoute } from '../../../shared/identity/public';
import { currencyCodes, exponentOf } from '../../../shared/kit/money/currencies';
import { currenciesList } from '../../../shared/rates/operations';

const names = new Intl.DisplayNames(['en'], { type: 'currency' });

// Static data: built once per execution environment. currencyCodes is already sorted by code.
const body = {
  items: currencyCodes.map((code) => ({ code, exponent: exponentOf(code), name: names.of(code) ?? code })),
};

export const handler = userRoute(currenciesList, async () => ({ status: 200, body }));
