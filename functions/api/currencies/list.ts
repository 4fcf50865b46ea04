/** GET /v1/currencies: every currency Moneta accepts, with its minor-unit exponent and English name. */

import { userRoute } from '../../../shared/identity/public';
import { currencyCodes, exponentOf } from '../../../shared/kit/money/currencies';
import * as z from '../../../shared/kit/schema';
import { currenciesList } from '../../../shared/rates/operations';

// Static data: built once per execution environment, on the first request rather than at load: the
// first Intl.DisplayNames loads ICU's currency names, about 20 ms of cold start. currencyCodes is
// already sorted by code.
const body = z.lazily(() => {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return {
    items: currencyCodes.map((code) => ({ code, exponent: exponentOf(code), name: names.of(code) ?? code })),
  };
});

export const handler = userRoute(currenciesList, async () => ({ status: 200, body: body() }));
