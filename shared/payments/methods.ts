/**
 * Saving a payer's payment method for repeat invoices, through Stripe: a Stripe Customer per payee
 * (made once), a Checkout Session in `setup` mode whose hosted page the payer fills in (card or
 * SEPA details never reach Moneta), and the method Stripe saved, recorded from the webhook.
 *
 * A webhook event only says *that* a setup finished: the SetupIntent and its PaymentMethod are read
 * again from Stripe and their current state recorded, so `setup_intent.succeeded` and
 * `checkout.session.completed`, twice, late or in any order, record the method once (the item's
 * put is conditioned on its absence), and a method detached meanwhile is not recorded again.
 */
import type Stripe from 'stripe';
import type { SavedMethodItem } from './methods-items';
import type { SavedMethodStore } from './methods-store';

/** Where a setup's Stripe objects name their Moneta payee (set when the session is created). */
export type SetupMetadata = { userId: string; payeeId: string; purpose: 'saved-method' };

export type SetupOutcome = 'recorded' | 'duplicate' | 'pending' | 'detached' | 'not-ours';

/** The events about a setup: a SetupIntent's, or a setup-mode Checkout Session's. */
export function isSetupEvent(event: Stripe.Event): boolean {
  const object = event.data.object as { object?: string; mode?: string };
  return object.object === 'setup_intent' || (object.object === 'checkout.session' && object.mode === 'setup');
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

/** The non-sensitive summary Moneta keeps of a Stripe PaymentMethod. */
export function summaryOf(method: Stripe.PaymentMethod) {
  const card = method.card;
  const sepa = method.sepa_debit;
  return {
    methodType: method.type,
    brand: card?.brand ?? (sepa ? (sepa.bank_code ?? null) : null),
    last4: card?.last4 ?? sepa?.last4 ?? null,
    expMonth: card?.exp_month ?? null,
    expYear: card?.exp_year ?? null,
  };
}

export type MethodsDeps = {
  stripe: Stripe;
  store: SavedMethodStore;
  /** Whether the user's account still exists (an erased account gets nothing written again). */
  isLive: (userId: string) => Promise<boolean>;
};

export function createSavedMethods({ stripe, store, isLive }: MethodsDeps) {
  return {
    /**
     * The payee's Stripe Customer, made once: Stripe's idempotency key is derived from the payee,
     * so concurrent first requests get the same customer, and the first item written is kept.
     */
    async customerOf(userId: string, payee: { payeeId: string; name: string; email: string | null }, now: Date) {
      const known = await store.payer(userId, payee.payeeId);
      if (known) return known.customerId;
      const customer = await stripe.customers.create(
        {
          name: payee.name,
          ...(payee.email && { email: payee.email }),
          metadata: { userId, payeeId: payee.payeeId },
        },
        { idempotencyKey: `moneta:customer:${userId}:${payee.payeeId}` },
      );
      const kept = await store.keepPayer(userId, {
        type: 'STRIPE_PAYER',
        payeeId: payee.payeeId,
        customerId: customer.id,
        createdAt: now.toISOString(),
      });
      return kept.customerId;
    },

    /** A setup-mode Checkout Session for the payer: Stripe's hosted page saves the method. */
    async startSetup(userId: string, payeeId: string, customerId: string, currency: string, idempotencyKey: string) {
      const metadata: SetupMetadata = { userId, payeeId, purpose: 'saved-method' };
      return stripe.checkout.sessions.create(
        {
          mode: 'setup',
          customer: customerId,
          // Setup mode with the methods enabled in the user's Stripe Dashboard needs the currency
          // they will be charged in (it decides which, e.g. SEPA Direct Debit for EUR).
          currency: currency.toLowerCase(),
          metadata,
          setup_intent_data: { metadata },
          client_reference_id: payeeId,
        },
        { idempotencyKey },
      );
    },

    /** Records the method a setup event is about, as Stripe has it now. */
    async apply(event: Stripe.Event, now = new Date()): Promise<SetupOutcome> {
      const object = event.data.object as { object?: string; id?: string };
      let setupIntentId: string | undefined;
      if (object.object === 'setup_intent') setupIntentId = object.id;
      else if (object.object === 'checkout.session' && object.id) {
        const session = await stripe.checkout.sessions.retrieve(object.id);
        setupIntentId = idOf(session.setup_intent);
      }
      if (!setupIntentId) return 'pending';
      const intent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ['payment_method'] });
      const { userId, payeeId, purpose } = (intent.metadata ?? {}) as Partial<SetupMetadata>;
      if (!userId || !payeeId || purpose !== 'saved-method') return 'not-ours';
      const method = intent.payment_method;
      if (intent.status !== 'succeeded' || !method || typeof method === 'string') return 'pending';
      const customerId = idOf(intent.customer);
      const payer = await store.payer(userId, payeeId);
      // Only a customer Moneta made for this payee: metadata alone does not place a method.
      if (!payer || !customerId || payer.customerId !== customerId) return 'not-ours';
      if (idOf(method.customer) !== customerId) return 'detached';
      if (!(await isLive(userId))) return 'not-ours';
      const item: SavedMethodItem = {
        type: 'SAVED_METHOD',
        methodId: method.id,
        payeeId,
        customerId,
        ...summaryOf(method),
        setupIntentId,
        createdAt: now.toISOString(),
      };
      return (await store.record(userId, item)) ? 'recorded' : 'duplicate';
    },

    /** Detaches the method at Stripe (unless it is detached already), then forgets it. */
    async forget(userId: string, method: SavedMethodItem): Promise<void> {
      const current = await stripe.paymentMethods.retrieve(method.methodId);
      if (idOf(current.customer) === method.customerId) await stripe.paymentMethods.detach(method.methodId);
      await store.forget(userId, method.payeeId, method.methodId);
    },
  };
}
export type SavedMethods = ReturnType<typeof createSavedMethods>;
