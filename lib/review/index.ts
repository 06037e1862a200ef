/**
 * The design review (issue 14): `lintDocument` is the one entry point; `ruleCatalog` describes the
 * rules for settings screens and the CLI; docs/review-rules.md is generated from the same data.
 */
export { lintDocument, isRuleEnabled, type LintOptions } from './lint';
export { ruleCatalog } from './catalog';
export { RULES, ruleById } from './rules';
export { RULES_REFERENCE_PATH, rulesReferenceMarkdown } from './reference';
export * from './types';
