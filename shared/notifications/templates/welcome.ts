/**
 * Welcome email, sent once per user after sign-up. It also proves the address works, so it is
 * sent regardless of notification preferences.
 */
import { type EmailContent, type RenderedEmail, renderEmail } from './email';

type WelcomeInput = {
  appName: string;
  /** The user's display name; may be empty (Cognito sign-up does not require one). */
  name: string;
  homeCurrency: string;
  timezone: string;
};

export function welcomeEmail({ appName, name, homeCurrency, timezone }: WelcomeInput): RenderedEmail {
  const greeting = name.trim() === '' ? 'Hello,' : `Hi ${name.trim()},`;
  const content: EmailContent = {
    subject: `Welcome to ${appName}`,
    preheader: `Your ${appName} account is ready.`,
    blocks: [
      { paragraph: [greeting] },
      {
        paragraph: [
          `Thanks for signing up. ${appName} keeps your accounts and transactions in any currency, tracks budgets and savings goals, and emails you when a budget runs low or a goal is reached.`,
        ],
      },
      {
        paragraph: [
          `Your home currency is ${homeCurrency} and your time zone is ${timezone}: totals are shown in ${homeCurrency}, and budget periods start and end at midnight in ${timezone}. Change either with `,
          { code: 'PATCH /v1/me' },
          '.',
        ],
      },
      { paragraph: ['To get started with the API:'] },
      {
        list: [
          ['Set a budget for a category and a period with ', { code: 'POST /v1/budgets' }, '.'],
          [
            'Choose which alerts you receive (budget thresholds, budget exceeded, goal milestones, large transactions) under ',
            { code: 'notifications' },
            ' with ',
            { code: 'PATCH /v1/me' },
            '.',
          ],
          ['See your profile and settings with ', { code: 'GET /v1/me' }, '.'],
        ],
      },
    ],
    footer: `You receive this email because you created a ${appName} account. It is sent once.`,
  };
  return renderEmail(content);
}
