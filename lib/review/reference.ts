/**
 * The rules reference (docs/review-rules.md), generated from the rule data so it can never drift from
 * what the engine does: a test compares the file with this output (UPDATE_PINS=1 rewrites it).
 */
import { escapeInline, heading, inlineCode, markdown, markdownTable } from '../markdown/escape';
import { ruleCatalog } from './catalog';
import { ruleCategories, type RuleCatalogEntry, type RuleOptionSpec } from './types';

/** Where the reference lives, relative to the repository root (the CLI's --help names it). */
export const RULES_REFERENCE_PATH = 'docs/review-rules.md';

/** Rule text is Markdown-lite: `code` spans stay code, everything else is escaped. */
function prose(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? inlineCode(part.slice(1, -1)) : escapeInline(part)))
    .join('');
}

function optionText(name: string, spec: RuleOptionSpec): string {
  const values = spec.type === 'string' && spec.values ? `, one of ${spec.values.map((v) => inlineCode(v)).join(', ')}` : '';
  return `${inlineCode(name)} (${spec.type}, default ${inlineCode(String(spec.default))}${values}): ${prose(spec.description)}`;
}

function ruleSection(rule: RuleCatalogEntry): string {
  const lines = [
    heading(3, `${rule.id}: ${rule.title}`),
    '',
    `- Severity: **${rule.defaultSeverity}**${rule.optIn ? ' (opt-in: off until the project turns it on)' : ''}`,
    `- Why: ${prose(rule.rationale)}`,
    `- What to do: ${prose(rule.suggestion)}`,
    `- Fix: ${rule.fix ? prose(rule.fix) : 'none offered (the change is a design decision)'}`,
  ];
  if (rule.options?.length) lines.push(`- Options: ${rule.options.map((o) => optionText(o.name, o.spec)).join('; ')}`);
  lines.push(`- Follows: ${rule.sources.map(prose).join('; ')}`);
  return lines.join('\n');
}

const CATEGORY_TITLES: Record<(typeof ruleCategories)[number], string> = {
  integrity: 'Integrity',
  indexing: 'Indexing',
  types: 'Types',
  naming: 'Naming',
  documentation: 'Documentation',
  security: 'Security',
  performance: 'Performance',
};

export function rulesReferenceMarkdown(rules: readonly RuleCatalogEntry[] = ruleCatalog()): string {
  const out = [
    '# Design review rules',
    '',
    '<!-- Generated from lib/review/rules by lib/review/reference.ts; do not edit by hand. -->',
    '<!-- Regenerate: UPDATE_PINS=1 npx vitest run lib/review/reference.test.ts -->',
    '',
    `Draftbase reviews a schema with the ${rules.length} rules below, live on the canvas (Problems panel), in DATABASE_DESIGN.md, in the CLI (\`draftbase lint\`) and through \`POST /api/lint\`. Each finding names the rule, the element and a sentence a reviewer would write; many come with a one-click fix (one undoable edit).`,
    '',
    'A project configures the review in its document (`review` field): a rule can be turned on or off and given another severity (`error`, `warning`, `info`) or options; opt-in rules are off until turned on. A finding can be **waived** with a written rationale: it is then shown as an accepted risk, and a waiver whose finding disappears is reported as stale. Waivers follow element ids, so renaming a table keeps them.',
    '',
    markdownTable(
      ['Rule', 'Category', 'Severity', 'Fix', 'Opt-in'],
      rules.map((r) => [markdown(inlineCode(r.id, { inTable: true })), r.category, r.defaultSeverity, r.fix ? 'yes' : '', r.optIn ? 'yes' : '']),
    ),
  ];
  for (const category of ruleCategories) {
    const inCategory = rules.filter((r) => r.category === category);
    if (!inCategory.length) continue;
    out.push('', heading(2, CATEGORY_TITLES[category]));
    for (const rule of inCategory) out.push('', ruleSection(rule));
  }
  return `${out.join('\n')}\n`;
}
