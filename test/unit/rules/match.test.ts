/**
 * What the rules make of a transaction: each condition, all/any, the order and the per-field
 * precedence, the caller's values against the rules' on create, and the regex limits (a refused
 * pattern names its field; a pattern that explodes a backtracking engine runs in linear time).
 */

import { patchFor } from '../../../shared/rules/apply';
import { applyOutcome, compileRules } from '../../../shared/rules/engine';
import type { RuleItem } from '../../../shared/rules/items';
import { compileRule, evaluate, type Subject } from '../../../shared/rules/match';
import { compilePattern, UnsupportedPattern } from '../../../shared/rules/patterns';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

let sequence = 0;
function rule(overrides: Partial<RuleItem> = {}): RuleItem {
  sequence++;
  return {
    type: 'RULE',
    ruleId: `rule-${sequence}`,
    name: `Rule ${sequence}`,
    enabled: true,
    match: 'all',
    conditions: [{ field: 'payee', op: 'contains', value: 'coffee' }],
    actions: { categoryId: 'eating-out', payee: null, addTags: [], note: null },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const subject = (overrides: Partial<Subject> = {}): Subject => ({
  payee: 'Blue Bottle Coffee',
  note: null,
  amount: 450,
  currency: 'EUR',
  accountId: 'acc-1',
  direction: 'expense',
  ...overrides,
});

const matches = (r: RuleItem, s: Subject) => compileRule(r).test(s);

describe('conditions', () => {
  test('payee equals, contains and regex are case-insensitive; equals folds spaces', () => {
    expect(
      matches(rule({ conditions: [{ field: 'payee', op: 'equals', value: ' blue  bottle coffee' }] }), subject()),
    ).toBe(true);
    expect(matches(rule({ conditions: [{ field: 'payee', op: 'equals', value: 'blue bottle' }] }), subject())).toBe(
      false,
    );
    expect(matches(rule({ conditions: [{ field: 'payee', op: 'contains', value: 'BOTTLE' }] }), subject())).toBe(true);
    expect(matches(rule({ conditions: [{ field: 'payee', op: 'regex', value: '^blue\\s+bottle' }] }), subject())).toBe(
      true,
    );
    expect(matches(rule({ conditions: [{ field: 'payee', op: 'regex', value: '^bottle' }] }), subject())).toBe(false);
    expect(matches(rule(), subject({ payee: null }))).toBe(false);
  });

  test('note text', () => {
    const r = rule({ conditions: [{ field: 'note', op: 'contains', value: 'team lunch' }] });
    expect(matches(r, subject({ note: 'Team Lunch friday' }))).toBe(true);
    expect(matches(r, subject({ note: null }))).toBe(false);
  });

  test('amount range: inclusive bounds, in a named currency or the transaction’s own', () => {
    const between = (min: number | null, max: number | null, currency: string | null = null) =>
      rule({ conditions: [{ field: 'amount', op: 'between', min, max, currency }] });
    expect(matches(between(450, 450), subject())).toBe(true);
    expect(matches(between(451, null), subject())).toBe(false);
    expect(matches(between(null, 449), subject())).toBe(false);
    expect(matches(between(0, 1000, 'EUR'), subject())).toBe(true);
    expect(matches(between(0, 1000, 'USD'), subject())).toBe(false);
  });

  test('account, direction and currency', () => {
    expect(matches(rule({ conditions: [{ field: 'account', op: 'in', values: ['acc-2', 'acc-1'] }] }), subject())).toBe(
      true,
    );
    expect(matches(rule({ conditions: [{ field: 'account', op: 'in', values: ['acc-2'] }] }), subject())).toBe(false);
    expect(matches(rule({ conditions: [{ field: 'direction', op: 'equals', value: 'income' }] }), subject())).toBe(
      false,
    );
    expect(matches(rule({ conditions: [{ field: 'direction', op: 'equals', value: 'expense' }] }), subject())).toBe(
      true,
    );
    expect(
      matches(rule({ conditions: [{ field: 'currency', op: 'in', values: ['eur'.toUpperCase()] }] }), subject()),
    ).toBe(true);
    expect(matches(rule({ conditions: [{ field: 'currency', op: 'in', values: ['GBP'] }] }), subject())).toBe(false);
  });

  test('all needs every condition, any one of them', () => {
    const conditions: RuleItem['conditions'] = [
      { field: 'payee', op: 'contains', value: 'coffee' },
      { field: 'currency', op: 'in', values: ['GBP'] },
    ];
    expect(matches(rule({ conditions }), subject())).toBe(false);
    expect(matches(rule({ conditions, match: 'any' }), subject())).toBe(true);
  });
});

describe('order and precedence', () => {
  test('the first matching rule that sets a field wins it; later rules fill the fields still unset', () => {
    const first = rule({ actions: { categoryId: 'eating-out', payee: null, addTags: [], note: null } });
    const second = rule({
      actions: { categoryId: 'groceries', payee: 'Blue Bottle', addTags: ['caffeine'], note: null },
    });
    const outcome = evaluate(compileRules([first, second]), subject());
    expect(outcome).toEqual({
      categoryId: 'eating-out',
      payee: 'Blue Bottle',
      addTags: ['caffeine'],
      ruleIds: [first.ruleId, second.ruleId],
    });
    const reversed = evaluate(compileRules([second, first]), subject());
    expect(reversed.categoryId).toBe('groceries');
    expect(reversed.ruleIds).toEqual([second.ruleId]);
  });

  test('disabled and non-matching rules are passed over; conditions see the payee as it came in', () => {
    const disabled = rule({ enabled: false, actions: { categoryId: 'travel', payee: null, addTags: [], note: null } });
    const rename = rule({ actions: { categoryId: null, payee: 'Renamed', addTags: [], note: null } });
    const onRenamed = rule({
      conditions: [{ field: 'payee', op: 'equals', value: 'Renamed' }],
      actions: { categoryId: 'travel', payee: null, addTags: [], note: null },
    });
    const fallback = rule({ actions: { categoryId: 'eating-out', payee: null, addTags: [], note: null } });
    const outcome = evaluate(compileRules([disabled, rename, onRenamed, fallback]), subject());
    expect(outcome).toEqual({ payee: 'Renamed', categoryId: 'eating-out', ruleIds: [rename.ruleId, fallback.ruleId] });
  });

  test('on create the caller’s note wins, tags are added to the caller’s, a rename replaces the payee', () => {
    const body = {
      kind: 'expense' as const,
      accountId: 'acc-1',
      money: { amount: 450, currency: 'EUR' },
      payee: 'BLUE BTL 0042',
      note: 'mine',
      tags: ['work'],
    };
    const applied = applyOutcome(body, {
      categoryId: 'eating-out',
      payee: 'Blue Bottle',
      note: 'rule note',
      addTags: ['caffeine', 'work'],
      ruleIds: ['r'],
    });
    expect(applied).toEqual({
      ...body,
      categoryId: 'eating-out',
      payee: 'Blue Bottle',
      note: 'mine',
      tags: ['work', 'caffeine'],
    });
    expect(applyOutcome({ ...body, note: undefined }, { note: 'rule note', ruleIds: ['r'] }).note).toBe('rule note');
  });
});

describe('applying to an existing transaction', () => {
  test('only uncategorised ones by default; nothing to do once the rule’s values are there', () => {
    const compiled = compileRule(
      rule({ actions: { categoryId: 'eating-out', payee: null, addTags: ['caffeine'], note: 'auto' } }),
    );
    const uncategorised = transactionFixture({ payee: 'Blue Bottle Coffee', categoryId: null, note: null, tags: [] });
    expect(patchFor(compiled, uncategorised, true)).toEqual({
      categoryId: 'eating-out',
      tags: ['caffeine'],
      note: 'auto',
    });
    const categorised = { ...uncategorised, categoryId: 'groceries' };
    expect(patchFor(compiled, categorised, true)).toBe('no-match');
    expect(patchFor(compiled, categorised, false)).toEqual({
      categoryId: 'eating-out',
      tags: ['caffeine'],
      note: 'auto',
    });
    const done = { ...uncategorised, categoryId: 'eating-out', tags: ['caffeine'], note: 'auto' };
    expect(patchFor(compiled, done, false)).toBeUndefined();
    expect(patchFor(compiled, { ...uncategorised, payee: 'Bakery' }, true)).toBe('no-match');
  });
});

describe('regex limits', () => {
  test('patterns RE2 cannot run in linear time, or that are not patterns, are refused naming the field', () => {
    for (const pattern of ['(?=coffee)', '(a)\\1', '[unclosed', 'a{1001}', '((a{100}){100}){100}']) {
      let error: unknown;
      try {
        compilePattern(pattern, 'conditions[0].value');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UnsupportedPattern);
      expect((error as UnsupportedPattern).status).toBe(422);
      expect((error as UnsupportedPattern).errors).toEqual([
        { in: 'body', field: 'conditions[0].value', message: expect.stringContaining('linear-time engine') },
      ]);
    }
  });

  test('a stored rule with a refused pattern names the condition it sits in', () => {
    const bad = rule({
      conditions: [
        { field: 'payee', op: 'contains', value: 'x' },
        { field: 'note', op: 'regex', value: '(?<=x)y' },
      ],
    });
    expect(() => compileRule(bad)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'conditions[1].value' })] }),
    );
  });

  test('(a+)+$, catastrophic for a backtracking engine, is accepted and completes on a long subject', () => {
    const pattern = compilePattern('(a+)+$', 'conditions[0].value');
    // 1,000 characters (the subject cap) of what makes a backtracking engine try 2^n paths.
    const subject = `${'a'.repeat(999)}!`;
    expect(pattern.find(subject)).toBe(false);
    expect(pattern.find('a'.repeat(1000))).toBe(true);
    // A longer subject is cut at the cap: the match is decided on its first 1,000 characters.
    expect(pattern.find(`${'a'.repeat(5000)}!`)).toBe(true);
  });
});
