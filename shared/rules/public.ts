/** What other features may use of categorisation rules: everything else in this folder is its own business. */

export { createRuleEngine, type RuleEngine } from './engine';
export { createRuleStore, type RuleStore } from './store';
