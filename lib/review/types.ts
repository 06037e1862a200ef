/**
 * The design review's vocabulary: rules as data, the findings they report, and the per-project
 * configuration (stored in the document's `review` field) that turns rules off, changes severities,
 * sets naming templates and records waivers.
 *
 * Kept apart from the rules and the engine so the surfaces (canvas Problems panel, DATABASE_DESIGN.md,
 * the CLI, POST /api/lint) depend on this contract only.
 */
import type { Command } from '../model/commands/types';
import type { Dialect, SchemaDocument } from '../model/document';
import type { IdFactory } from '../model/ids';
import type { Waiver } from '../model/review-config';
import type { ReviewModel } from './model';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export const ruleCategories = ['integrity', 'indexing', 'types', 'naming', 'documentation', 'security', 'performance'] as const;
export type RuleCategory = (typeof ruleCategories)[number];

/** What a finding is about; the canvas selects it, the CLI maps it to a source position. */
export type FindingTarget =
  | { kind: 'document' }
  | { kind: 'table'; tableId: string }
  | { kind: 'column'; tableId: string; columnId: string }
  | { kind: 'index'; tableId: string; indexId: string }
  | { kind: 'unique'; tableId: string; uniqueId: string }
  | { kind: 'check'; tableId: string; checkId: string }
  | { kind: 'relationship'; relationshipId: string }
  | { kind: 'enum'; enumId: string }
  | { kind: 'view'; viewId: string };

/** A fix the user applies with one click: one command (a `batch` for several edits), one undo step. */
export interface FindingFix {
  /** Button text, e.g. `Add index on orders (customer_id)`. */
  title: string;
  command: Command;
}

export interface Finding {
  ruleId: string;
  /** After the project's configuration is applied. */
  severity: Severity;
  message: string;
  target: FindingTarget;
  /**
   * Identifies the finding across edits and sessions (built from ids, not names, so a rename keeps a
   * waiver): `ruleId` + target ids + whatever distinguishes two findings of one rule on one target.
   */
  key: string;
  fix?: FindingFix;
}

/** A finding accepted with a written rationale: shown as an accepted risk, not as an open problem. */
export interface WaivedFinding extends Finding {
  waiver: Waiver;
}


/** What a rule's check sees. */
export interface RuleContext {
  doc: SchemaDocument;
  /** The target dialect findings are judged for (names' length limits, reserved words, type advice). */
  dialect: Dialect;
  /** The project's settings for this rule (options such as naming templates, thresholds). */
  options: Readonly<Record<string, unknown>>;
  /** Ids for the elements a fix creates (tests pass sequentialIds()). */
  ids: IdFactory;
  /**
   * Lookups shared by every rule of one run (columns by id, relationships by table, foreign key
   * columns, the dialect's facts), built lazily once per lintDocument call so no rule rescans the
   * document. Added after the first contract; lintDocument always provides it.
   */
  model: ReviewModel;
}

/** One option of a rule (a threshold, a naming template), as the settings dialog shows it. */
export type RuleOptionSpec =
  | { type: 'number'; default: number; description: string; min?: number; max?: number }
  | { type: 'string'; default: string; description: string; values?: readonly string[] }
  | { type: 'boolean'; default: boolean; description: string };

/** A finding before configuration is applied (severity comes from the rule or the project). */
export type RawFinding = Omit<Finding, 'ruleId' | 'severity'>;

export interface Rule {
  /** Kebab-case, stable forever (waivers and CI configs name it), e.g. `fk-without-index`. */
  id: string;
  title: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Why this matters, one or two sentences a reviewer would write. */
  rationale: string;
  /** What to do about it, in words (the fix, when there is one, does it). */
  suggestion: string;
  /** The peer rules this one follows (tbls lint, Azimutt analyze, Bytebase SQL review, Atlas, squawk...). */
  sources: string[];
  /** Off unless the project turns it on (opinionated conventions). */
  optIn?: boolean;
  /** What the one-click fix does, in words, when the rule offers one (the rules reference lists it). */
  fix?: string;
  /** The rule's options with their defaults; the engine passes them resolved in `ctx.options`. */
  options?: Readonly<Record<string, RuleOptionSpec>>;
  check(ctx: RuleContext): RawFinding[];
}

/** The project's configuration as saved in the document (lib/model/review-config.ts). */
export type { ReviewConfig, RuleSetting, Waiver } from '../model/review-config';

/** What the settings dialog and the rules reference show of a rule (ruleCatalog()). */
export interface RuleCatalogEntry {
  id: string;
  title: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  rationale: string;
  suggestion: string;
  sources: string[];
  optIn: boolean;
  /** The one-click fix, in words; absent when the rule has none. */
  fix?: string;
  options?: { name: string; spec: RuleOptionSpec }[];
}

export interface LintResult {
  /** Open findings, most severe first, then by rule and target. */
  findings: Finding[];
  /** Findings that a waiver accepts. */
  waived: WaivedFinding[];
  /** Waivers whose finding no longer occurs (stale: the design changed). */
  staleWaivers: Waiver[];
  counts: Record<Severity, number>;
}
