/** What other features may use of categorisation rules: everything else in this folder is its own business. */

export { createRuleEngine, type RuleEngine } from './engine';
// For the change feed: an entry shows what the routes show.
export { RuleEntity, type RuleItem } from './items';
export { createRuleStore, type RuleStore } from './store';
export { toRuleView } from './views';
