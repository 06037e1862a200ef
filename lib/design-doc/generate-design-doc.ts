/**
 * DATABASE_DESIGN.md from a schema document: the template's headings in order, derived sections
 * always computed from the model, narrative sections from the architect's Markdown.
 *
 * Narrative rule (decided here, shown in the UI): a section the architect wrote is exported as
 * written; an unwritten one gets its derived draft (drafts.ts) when there is something derived to
 * say, marked as a draft; otherwise "Not yet decided." Derived sections append the architect's
 * narrative after the derived content when there is one.
 *
 * Pure and deterministic: the same document and options give the same text.
 */
import { ddlScript, generateDdlStatements, type CommentedStatement } from '../ddl/generate-ddl';
import type { DdlDecisions } from '../ddl/decisions';
import { dropOrder } from '../ddl/order';
import { indexStrategy, indexStrategyMarkdown } from '../index-strategy/index-strategy';
import { escapeInline, inlineCode, markdown, markdownTable } from '../markdown/escape';
import { generateMermaidDiagrams } from '../mermaid/generate-mermaid';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, NarrativeSectionKey, SchemaDocument } from '../model/document';
import { displayName } from '../model/lookup';
import { capacityDraft } from './capacity-sections';
import { draftFor, queryPatternFigure, requirementLines } from './drafts';
import { DIALECT_LABEL, factsOf, plural } from './facts';
import { dialectSpec, editorCapabilities } from '../dialects/dialects';
import { fencedBlock } from './fence';
import { logicalDesignSection } from './logical-design';
import { embedNarrative } from './narrative';
import { routineLabels } from '../model/routines';
import { headingLine, NOT_YET_DECIDED, TEMPLATE_HEADINGS, type TemplateHeading } from './template';
import { designReview, reviewSectionBlock, reviewSummary, type DesignReview } from './review-findings';
import { frontMatter, titleLine, type FrontMatterOptions } from './front-matter';
import { conceptualModelSection } from './conceptual-model';
import { classifiedColumnsBlock, retentionNote } from './security-section';
import { decisionsBlock, risksBlock, type UnservedPattern } from './governance-sections';
import { patternsByIndex, type WorkloadAdvice } from '../workload/advice';
import { queryPatternVerdicts, unservedPatternsOf } from './query-pattern-verdicts';
import { migrationFromVersion, type PreviousVersion } from './migration-section';

export interface DesignDocOptions extends FrontMatterOptions {
  /** The dialect of the DDL, types and index names; default the document's. */
  dialect?: Dialect;
  /** Mermaid text budget per diagram (default lib/mermaid's 45,000). */
  mermaidBudget?: number;
  /** Query patterns the workload advisor found unserved: listed with the risks. */
  unservedPatterns?: readonly UnservedPattern[];
  /** The query-pattern advisor's verdicts, computed beforehand by the caller (issue 15). */
  advice?: WorkloadAdvice;
  /** The named version to show the migration from in Migration Strategy (issue 17). */
  previousVersion?: PreviousVersion;
}

export interface DesignDocResult {
  markdown: string;
  /** The DDL generator's diagnostics (the same as the SQL export's). */
  diagnostics: Diagnostic[];
  /** The statements of the DDL block written commented out (the target would reject them). */
  commented: CommentedStatement[];
}

/** The heading whose body is the physical ERD (the template gives it no narrative of its own). */
const PHYSICAL_IMPLEMENTATION = 'Physical Implementation';

export const DRAFT_NOTE = '_Draft derived from the model and the declared requirements._';

/** The architect's text for a section, or undefined when blank. */
function written(doc: SchemaDocument, key: NarrativeSectionKey): string | undefined {
  const text = doc.design.narrative[key];
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

/** A narrative section: written text, else a marked draft, else "Not yet decided." */
function narrativeSection(doc: SchemaDocument, key: NarrativeSectionKey, level: number, dialect: Dialect): string {
  const text = written(doc, key);
  if (text) return embedNarrative(text);
  const draft = capacityDraft(key, doc, dialect) ?? draftFor(key, doc, dialect);
  return draft ? `${draft}\n\n${DRAFT_NOTE}` : NOT_YET_DECIDED;
}

/** Derived content followed by the architect's notes, when written. */
function withNotes(doc: SchemaDocument, key: NarrativeSectionKey, level: number, derived: string): string {
  const text = written(doc, key);
  return text ? `${derived}\n\n${embedNarrative(text)}` : derived;
}

function executiveSummary(doc: SchemaDocument, dialect: Dialect, level: number, review: DesignReview, options: DesignDocOptions): string {
  const f = factsOf(doc);
  const facts = `**Facts:** ${plural(f.tables, 'table')}, ${plural(f.relationships, 'relationship')}, ${plural(f.indexes, 'index', 'indexes')} (including those behind primary keys and unique constraints)${f.views ? `, ${plural(f.views, 'view')}` : ''}; target ${DIALECT_LABEL[dialect]}.`;
  const parts = [narrativeSection(doc, 'executiveSummary', level, dialect), facts];
  const req = requirementLines(doc.design.requirements);
  if (req.length) parts.push(['**Declared requirements**', '', markdownTable(['Requirement', 'Target'], req)].join('\n'));
  const decisions = decisionsBlock(doc);
  if (decisions) parts.push(decisions);
  parts.push(reviewSummary(review, doc));
  const risks = risksBlock(doc, review, options.unservedPatterns ?? unservedPatternsOf(options.advice));
  if (risks) parts.push(risks);
  return parts.join('\n\n');
}

/** The physical ERD (every column, type and key), under Physical Implementation beside the DDL. */
function physicalDiagram(doc: SchemaDocument, dialect: Dialect, budget: number | undefined): string {
  if (Object.keys(doc.tables).length === 0) return 'The model has no tables yet.';
  const diagrams = generateMermaidDiagrams(doc, { dialect, budget });
  if (diagrams.length === 1) return fencedBlock('mermaid', diagrams[0].text);
  const intro = `The schema is too large for one diagram (mermaid and GitHub refuse diagrams over 50,000 characters): an overview of tables and relationships, then ${plural(diagrams.length - 1, 'diagram')} by area.`;
  return [intro, ...diagrams.map((d) => `**${escapeInline(d.title)}**\n\n${fencedBlock('mermaid', d.text)}`)].join('\n\n');
}

function partitioningSection(doc: SchemaDocument, dialect: Dialect, level: number): string {
  const blocks: string[] = [];
  for (const t of Object.values(doc.tables)) {
    const p = t.partitioning;
    if (!p) continue;
    const key = p.key.map((k) => (k.kind === 'column' ? (t.columns.find((c) => c.id === k.columnId)?.name ?? k.columnId) : `(${k.sql})`)).join(', ');
    const lines = [`**Table ${inlineCode(displayName(doc, t))}**: ${p.strategy.toUpperCase()} partitioning on ${inlineCode(key)}, ${plural(p.partitions.length, 'partition')}.`];
    if (p.partitions.length) {
      lines.push('', markdownTable(['Partition', 'Boundaries'], p.partitions.map((part) => {
        const b = part.bound;
        const bound = b.kind === 'range' ? `FROM (${b.from.join(', ')}) TO (${b.to.join(', ')})` : b.kind === 'list' ? `IN (${b.values.join(', ')})` : b.kind === 'hash' ? `MODULUS ${b.modulus}, REMAINDER ${b.remainder}` : 'DEFAULT';
        return [markdown(inlineCode(part.name, { inTable: true })), markdown(inlineCode(bound, { inTable: true }))];
      })));
    }
    blocks.push(lines.join('\n'));
  }
  const derived = blocks.length ? blocks.join('\n\n') : 'No table is partitioned.';
  return `${derived}\n\n${narrativeSection(doc, 'partitioning', level, dialect)}`;
}

function queryPatternsSection(doc: SchemaDocument, dialect: Dialect, level: number, advice?: WorkloadAdvice): string {
  const patterns = doc.design.queryPatterns;
  const parts = [narrativeSection(doc, 'queryPatterns', level, dialect)];
  if (patterns.length) {
    parts.push(markdownTable(['Query', 'Description', 'Frequency', 'Latency target'], patterns.map((q) => [q.name, q.description ?? '', queryPatternFigure(q, 'frequency'), queryPatternFigure(q, 'latencyTarget')])));
    for (const q of patterns) {
      if (q.sql?.trim()) parts.push(`**${escapeInline(q.name)}**\n\n${fencedBlock('sql', q.sql.trim())}`);
    }
    const verdicts = advice ? queryPatternVerdicts(doc, advice) : '';
    if (verdicts) parts.push(verdicts);
  }
  return parts.join('\n\n');
}

const DROP_KIND = { view: 'DROP VIEW', table: 'DROP TABLE', domain: 'DROP DOMAIN', enum: 'DROP TYPE' } as const;

function migrationSection(doc: SchemaDocument, dialect: Dialect, previous: PreviousVersion | undefined): string {
  const phase1 = `**Phase 1: Schema creation.** Apply the ${DIALECT_LABEL[dialect]} DDL of [Schema Design](#schema-design) as one migration; it creates ${plural(factsOf(doc).tables, 'table')} in dependency order.`;
  const spec = dialectSpec(dialect);
  const caps = editorCapabilities(dialect);
  // Domains and enums are objects of their own only where the dialect creates them (else they are inlined).
  const drops = dropOrder(doc).filter((d) => d.kind === 'view' || d.kind === 'table' || (d.kind === 'domain' && caps.domains) || (d.kind === 'enum' && caps.enumStrategy === 'create-type'));
  const cycles = caps.dropCascade ? 'CASCADE' : (spec.foreignKeyChecks?.off ?? 'the foreign key checks off');
  const rollback = drops.length
    ? [`**Rollback.** Drop in this order (reverse dependency order from the foreign-key graph; tables in a foreign-key cycle need ${cycles}):`, '', ...drops.map((d, i) => `${i + 1}. ${d.kind === 'view' && d.materialized ? 'DROP MATERIALIZED VIEW' : DROP_KIND[d.kind]} ${inlineCode(displayName(doc, d))}`)].join('\n')
    : '**Rollback.** Nothing to drop: the model is empty.';
  // The steps above and below are derived: the architect's text (or a draft) sits between them, and
  // when there is neither, nothing does ("Not yet decided." between two generated steps reads wrong).
  const text = written(doc, 'migrationStrategy');
  const draft = text ? undefined : draftFor('migrationStrategy', doc, dialect);
  const middle = text ? embedNarrative(text) : draft ? `${draft}\n\n${DRAFT_NOTE}` : undefined;
  const fromVersion = previous ? migrationFromVersion(previous, doc, dialect) : undefined;
  return [phase1, fromVersion, middle, rollback].filter((x): x is string => x !== undefined).join('\n\n');
}

function dataIntegritySection(doc: SchemaDocument, review: DesignReview): string {
  const rels = Object.values(doc.relationships);
  const enforced = rels.filter((r) => r.enforced).length;
  const byAction = new Map<string, number>();
  for (const r of rels) byAction.set(r.onDelete, (byAction.get(r.onDelete) ?? 0) + 1);
  let checks = 0;
  let uniques = 0;
  let notNull = 0;
  let columns = 0;
  for (const t of Object.values(doc.tables)) {
    checks += t.checks.length;
    uniques += t.uniques.length + t.indexes.filter((i) => i.unique).length;
    columns += t.columns.length;
    notNull += t.columns.filter((c) => !c.nullable).length;
  }
  for (const d of Object.values(doc.domains)) checks += d.checks.length;
  const pct = columns ? Math.round((notNull / columns) * 100) : 0;
  const rows: [string, string][] = [
    ['Foreign keys', `${enforced} enforced${rels.length - enforced ? `, ${rels.length - enforced} logical only (not enforced by the engine: the application must keep them)` : ''}`],
    ['ON DELETE actions', rels.length ? [...byAction].map(([a, n]) => `${a.toUpperCase()}: ${n}`).join(', ') : 'none'],
    ['Check constraints', String(checks)],
    ['Unique constraints and unique indexes', String(uniques)],
    ['NOT NULL coverage', `${notNull} of ${columns} columns (${pct}%)`],
    ['Enumerated types', String(Object.keys(doc.enums).length)],
  ];
  // Routines kept verbatim from an import: triggers enforce rules too (their statements are in Schema Design).
  const routines = routineLabels(doc);
  if (routines.length) {
    const triggers = routines.filter((r) => r.kindLabel === 'trigger');
    const shown = triggers.slice(0, 10).map((r) => `${r.name} ${r.where}`).join(', ');
    rows.push(['Triggers', triggers.length ? `${triggers.length} (${shown}${triggers.length > 10 ? ', ...' : ''})` : '0']);
    rows.push(['Functions, procedures, aggregates, events', String(routines.length - triggers.length)]);
  }
  const derived = withReview([markdownTable(['Rule', 'In the model'], rows), 'The rules themselves are listed per table under [Logical Design](#logical-design).'].join('\n\n'), review, 'dataIntegrity', doc);
  const text = written(doc, 'dataIntegrity');
  return text ? `${derived}\n\n${embedNarrative(text)}` : derived;
}

/** Derived content followed by the design review's findings of the section, when there are some. */
function withReview(derived: string, review: DesignReview, key: NarrativeSectionKey, doc: SchemaDocument): string {
  const block = reviewSectionBlock(review, key, doc);
  return block ? `${derived}\n\n${block}` : derived;
}

function sectionBody(h: TemplateHeading, doc: SchemaDocument, dialect: Dialect, ddl: { sql: string; decisions: DdlDecisions }, review: DesignReview, options: DesignDocOptions): string | undefined {
  const key = h.key;
  if (!key) return undefined;
  switch (key) {
    case 'executiveSummary':
      return executiveSummary(doc, dialect, h.level, review, options);
    case 'conceptualModel':
      return withNotes(doc, key, h.level, conceptualModelSection(doc, options.mermaidBudget));
    case 'logicalDesign':
      return withNotes(doc, key, h.level, withReview(logicalDesignSection(doc, dialect), review, key, doc));
    case 'schemaDesign':
      return withNotes(doc, key, h.level, fencedBlock('sql', ddl.sql));
    case 'indexStrategy': {
      // The names and outcomes the DDL above was generated with: no second planning pass.
      const rows = indexStrategy(doc, dialect, { decisions: ddl.decisions });
      // Purposes name the query patterns each index serves, when the advisor's verdicts are given.
      const served = patternsByIndex(options.advice);
      for (const r of rows) {
        const names = served.get(`${r.tableId}\u0000${r.indexName}`);
        if (names) r.purpose = `${r.purpose}; serves ${names.map((n) => `"${n}"`).join(', ')}`;
      }
      return withNotes(doc, key, h.level, withReview(rows.length ? indexStrategyMarkdown(rows) : 'The model has no indexes yet.', review, key, doc));
    }
    case 'partitioning':
      return partitioningSection(doc, dialect, h.level);
    case 'queryPatterns':
      return withReview(queryPatternsSection(doc, dialect, h.level, options.advice), review, key, doc);
    case 'migrationStrategy':
      return migrationSection(doc, dialect, options.previousVersion);
    case 'dataIntegrity':
      return dataIntegritySection(doc, review);
    case 'security': {
      const classified = classifiedColumnsBlock(doc);
      const body = narrativeSection(doc, key, h.level, dialect);
      return withReview(classified ? `${classified}\n\n${body}` : body, review, key, doc);
    }
    case 'backupRecovery': {
      const retention = retentionNote(doc);
      const body = narrativeSection(doc, key, h.level, dialect);
      return retention ? `${body}\n\n${retention}` : body;
    }
    default:
      return narrativeSection(doc, key, h.level, dialect);
  }
}

export function generateDesignDocWithDiagnostics(doc: SchemaDocument, options: DesignDocOptions = {}): DesignDocResult {
  const dialect = options.dialect ?? doc.settings.dialect;
  // The Schema Design block is exactly the SQL export (same function, default options).
  const run = generateDdlStatements(doc, dialect);
  const ddl = { sql: ddlScript(run), decisions: run.decisions, diagnostics: run.diagnostics };
  const review = designReview(doc, dialect);
  const out: string[] = [];
  for (const h of TEMPLATE_HEADINGS) {
    if (h.level === 1) {
      out.push(titleLine(options), frontMatter(doc, options));
      continue;
    }
    out.push(headingLine(h));
    const body = h.text === PHYSICAL_IMPLEMENTATION ? physicalDiagram(doc, dialect, options.mermaidBudget) : sectionBody(h, doc, dialect, ddl, review, options);
    if (body !== undefined) out.push(body);
  }
  return { markdown: `${out.join('\n\n')}\n`, diagnostics: ddl.diagnostics, commented: run.commented };
}

/** DATABASE_DESIGN.md for the document in `options.dialect` (default the document's dialect). */
export function generateDesignDoc(doc: SchemaDocument, options: DesignDocOptions = {}): string {
  return generateDesignDocWithDiagnostics(doc, options).markdown;
}

