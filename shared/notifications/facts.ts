/**
 * Which facts are reported by email, and how: `fact → email`. Adding a kind (budget threshold
 * crossed, budget exceeded, goal milestone, goal achieved, large transaction) is one template in
 * ./templates and one entry here, plus its detail type in the `notify` rule (lib/catalog/rules.ts).
 *
 * The fact id names the fact, not the event: two events about the same fact (a redelivery, a
 * publisher retry with a new envelope id) map to the same id, and the claim on it makes the email
 * go out once.
 */
import type { EventDetail, EventName } from '../events/catalog';
import type { RenderedEmail } from './email';
import { welcomeEmail } from './templates/welcome';

export type NotificationKind = 'welcome';

export type OutgoingEmail = {
  kind: NotificationKind;
  /** Unique per user and fact; the notification item's key. */
  factId: string;
  to: string;
  content: RenderedEmail;
};

export type EmailContext = { appName: string };

/** Returns the email a fact calls for, or undefined when it calls for none (e.g. switched off). */
type EmailForFact<N extends EventName> = (detail: EventDetail<N>, context: EmailContext) => OutgoingEmail | undefined;

export const emailForFact = {
  UserSignedUp: ({ data }, { appName }) => ({
    kind: 'welcome',
    // One welcome per user, ever: signing up is a fact that happens once.
    factId: 'welcome',
    to: data.email,
    content: welcomeEmail({ appName, name: data.name, homeCurrency: data.homeCurrency, timezone: data.timezone }),
  }),
} satisfies { [N in EventName]?: EmailForFact<N> };

export type NotifiedEvent = keyof typeof emailForFact;
export const notifiedEvents = Object.keys(emailForFact) as NotifiedEvent[];

export function emailFor<N extends NotifiedEvent>(
  detailType: N,
  detail: EventDetail<N>,
  context: EmailContext,
): OutgoingEmail | undefined {
  return (emailForFact[detailType] as EmailForFact<N>)(detail, context);
}
