/**
 * Whether a rule matches a transaction, and what the rules in order make of one: pure functions,
 * no I/O. Text conditions compare case-insensitively (and with spaces folded, like payees are
 * remembered); a regex searches anywhere in the text unless anchored.
 */
import type { RuleActions, RuleCondition, RuleItem } from './items';
import { compilePattern, MAX_SUBJECT_LENGTH, type Pattern } from './patterns';

/** What of a transaction the conditions look at. */
export type Subject = {
  payee: string | null;
  note: string | null;
  amount: number;
  currency: string;
  accountId: string;
  direction: 'expense' | 'income';
};

const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A rule ready to evaluate: its regexes compiled once. */
export type CompiledRule = { rule: RuleItem; test: (subject: Subject) => boolean };

export function compileRule(rule: RuleItem): CompiledRule {
  const tests = rule.conditions.map((condition, index) => conditionTest(condition, `conditions[${index}].value`));
  const test =
    rule.match === 'any'
      ? (subject: Subject) => tests.some((t) => t(subject))
      : (subject: Subject) => tests.every((t) => t(subject));
  return { rule, test };
}

function conditionTest(condition: RuleCondition, field: string): (subject: Subject) => boolean {
  switch (condition.field) {
    case 'payee':
    case 'note': {
      const text = (subject: Subject) => subject[condition.field];
      if (condition.op === 'regex') {
        const pattern: Pattern = compilePattern(condition.value, field);
        return (subject) => {
          const value = text(subject);
          return value !== null && pattern.find(value);
        };
      }
      const wanted = fold(condition.value);
      return (subject) => {
        const value = text(subject);
        if (value === null) return false;
        const folded = fold(value.slice(0, MAX_SUBJECT_LENGTH));
        return condition.op === 'equals' ? folded === wanted : folded.includes(wanted);
      };
    }
    case 'amount':
      return (subject) =>
        (condition.currency === null || condition.currency === subject.currency) &&
        (condition.min === null || subject.amount >= condition.min) &&
        (condition.max === null || subject.amount <= condition.max);
    case 'account':
      return (subject) => condition.values.includes(subject.accountId);
    case 'direction':
      return (subject) => subject.direction === condition.value;
    case 'currency':
      return (subject) => condition.values.includes(subject.currency);
  }
}

/** What the rules decided, field by field: a field absent here was set by no rule. */
export type Outcome = {
  categoryId?: string;
  payee?: string;
  addTags?: string[];
  note?: string;
  /** The rules that set at least one field, in order. */
  ruleIds: string[];
};

/**
 * The enabled rules, in order: for each field, the first matching rule that sets it wins. Every
 * rule sees the transaction as it came in (a rename by an earlier rule does not feed a later one).
 */
export function evaluate(
  rules: readonly CompiledRule[],
  subject: Subject,
  /** Categories no rule may set (deleted or archived since the rule was saved): the field passes on. */
  unusable: ReadonlySet<string> = new Set(),
): Outcome {
  const outcome: Outcome = { ruleIds: [] };
  for (const { rule, test } of rules) {
    if (!rule.enabled || !test(subject)) continue;
    const set = setBy(rule.actions);
    if (set.categoryId && unusable.has(set.categoryId)) delete set.categoryId;
    const fresh = (Object.keys(set) as (keyof typeof set)[]).filter((field) => outcome[field] === undefined);
    if (fresh.length === 0) continue;
    for (const field of fresh) (outcome as Record<string, unknown>)[field] = set[field];
    outcome.ruleIds.push(rule.ruleId);
  }
  return outcome;
}

/** The fields a rule's actions set (an empty tag list sets nothing). */
function setBy(actions: RuleActions): Omit<Outcome, 'ruleIds'> {
  return {
    ...(actions.categoryId ? { categoryId: actions.categoryId } : {}),
    ...(actions.payee ? { payee: actions.payee } : {}),
    ...(actions.addTags.length > 0 ? { addTags: actions.addTags } : {}),
    ...(actions.note ? { note: actions.note } : {}),
  };
}
