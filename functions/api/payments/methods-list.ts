/** GET /v1/payees/{id}/payment-methods: the caller's payee's saved methods, oldest first. */
import { userRoute } from '../../../shared/identity/public';
import { savedMethodsList } from '../../../shared/payments/methods-operations';
import { toSavedMethodView } from '../../../shared/payments/methods-views';
import { payeeOf, savedMethodStore } from './methods-service';

export const handler = userRoute(savedMethodsList, async ({ userId, path }) => {
  await payeeOf(userId, path.id);
  const items = await savedMethodStore.list(userId, path.id);
  return { status: 200, body: { items: items.map(toSavedMethodView) } };
});
