/**
 * A savings goal reached a milestone (25, 50, 75 % — kind `goalMilestone`) or its target
 * (`goalAchieved`). The numbers are the milestone's snapshot when it was reached.
 */
import type { GoalMilestoneItem } from '../../goals/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatMoney, formatPercent, oneLine, percentOf } from './format';
import { alertFooter } from './settings-footer';

type GoalMilestoneInput = Pick<GoalMilestoneItem, 'goalName' | 'percent' | 'saved' | 'target' | 'currency'>;

export function goalMilestoneEmail(milestone: GoalMilestoneInput, appName: string): RenderedEmail {
  const money = (amount: number) => formatMoney({ amount, currency: milestone.currency });
  const saved = money(milestone.saved);
  const target = money(milestone.target);
  const progress = formatPercent(percentOf(milestone.saved, milestone.target));
  const name = milestone.goalName;
  const rows: [string, string][] = [
    ['Goal', name],
    ['Saved', saved],
    ['Target', target],
    ['Progress', progress],
  ];
  const content: EmailContent = {
    subject: `Goal "${oneLine(name)}": ${milestone.percent}% reached`,
    preheader: `${saved} saved of ${target}.`,
    blocks: [
      {
        paragraph: [
          `Your savings goal "${name}" is ${milestone.percent}% of the way: you have saved ${saved} of ${target} (${progress}).`,
        ],
      },
      { facts: [...rows, ['Still to save', money(Math.max(0, milestone.target - milestone.saved))]] },
    ],
    footer: alertFooter(appName, 'goal milestone emails', 'goalMilestone'),
  };
  return renderEmail(content);
}

export function goalAchievedEmail(milestone: GoalMilestoneInput, appName: string): RenderedEmail {
  const money = (amount: number) => formatMoney({ amount, currency: milestone.currency });
  const saved = money(milestone.saved);
  const target = money(milestone.target);
  const name = milestone.goalName;
  const content: EmailContent = {
    subject: `Goal "${oneLine(name)}" achieved`,
    preheader: `You saved ${saved} of your ${target} target.`,
    blocks: [
      { paragraph: [`Well done: you reached your savings goal "${name}". You have saved ${saved} of ${target}.`] },
      {
        facts: [
          ['Goal', name],
          ['Saved', saved],
          ['Target', target],
          ['Progress', formatPercent(percentOf(milestone.saved, milestone.target))],
        ],
      },
    ],
    footer: alertFooter(appName, 'goal achieved emails', 'goalAchieved'),
  };
  return renderEmail(content);
}
