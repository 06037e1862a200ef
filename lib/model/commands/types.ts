/**
 * The command vocabulary: every edit of a schema document is one of these plain, serializable
 * objects. A discriminated union on `type`, so the dispatcher and `describeCommand` are exhaustive.
 *
 * Conventions shared by every `*.update` command: `changes` is a partial object; a key that is absent
 * leaves the field alone, a key present with the value `undefined` removes an optional field
 * (e.g. `{ comment: undefined }` clears the comment). Ids are identity and can never be changed.
 */
import type { Patch } from 'immer';
import type {
  Area, CheckConstraint, Column, Dialect, Domain, EnumType, Extension, Index, NarrativeSectionKey, Note, PrimaryKey,
  QueryPattern, Relationship, Requirements, SchemaDocument, SchemaNamespace, Sequence, Table, UniqueConstraint, View,
} from '../document';
import type { RuleSetting, Waiver } from '../review-config';
import type { Decision, DesignStatus, Governance, Risk } from '../governance';

export interface Point { x: number; y: number }
export interface NoteGeometry extends Point { width: number; height: number }

export type TableChanges = Partial<Pick<Table, 'name' | 'schemaId' | 'comment' | 'partitioning' | 'options'>>;
export type ColumnChanges = Partial<Omit<Column, 'id'>>;

export type TableCommand =
  /** Adds a whole table (columns, keys and indexes included); optionally places it and puts it in an area. */
  | { type: 'table.add'; table: Table; position?: Point; areaId?: string }
  | { type: 'table.update'; tableId: string; changes: TableChanges }
  /** Also removes the relationships touching it, its area memberships and its layout entry. */
  | { type: 'table.remove'; tableId: string };

export type ColumnCommand =
  /** `index` = position in the column list (default: the end). */
  | { type: 'column.add'; tableId: string; column: Column; index?: number }
  | { type: 'column.update'; tableId: string; columnId: string; changes: ColumnChanges }
  | { type: 'column.move'; tableId: string; columnId: string; toIndex: number }
  /** Integrity: the column leaves the PK, uniques, indexes, partition key and relationship pairs (each reported). */
  | { type: 'column.remove'; tableId: string; columnId: string };

export type ConstraintCommand =
  | { type: 'primaryKey.set'; tableId: string; primaryKey: PrimaryKey | undefined }
  | { type: 'unique.add'; tableId: string; unique: UniqueConstraint }
  | { type: 'unique.update'; tableId: string; uniqueId: string; changes: Partial<Omit<UniqueConstraint, 'id'>> }
  | { type: 'unique.remove'; tableId: string; uniqueId: string }
  | { type: 'check.add'; tableId: string; check: CheckConstraint }
  | { type: 'check.update'; tableId: string; checkId: string; changes: Partial<Omit<CheckConstraint, 'id'>> }
  | { type: 'check.remove'; tableId: string; checkId: string }
  | { type: 'index.add'; tableId: string; index: Index }
  | { type: 'index.update'; tableId: string; indexId: string; changes: Partial<Omit<Index, 'id'>> }
  | { type: 'index.remove'; tableId: string; indexId: string };

export type RelationshipCommand =
  | { type: 'relationship.add'; relationship: Relationship }
  /** Table ends cannot move; change `columnPairs` within the same two tables, or remove and add. */
  | { type: 'relationship.update'; relationshipId: string; changes: Partial<Omit<Relationship, 'id' | 'fromTableId' | 'toTableId'>> }
  | { type: 'relationship.remove'; relationshipId: string };

export type TypeCommand =
  | { type: 'enum.add'; enum: EnumType }
  | { type: 'enum.update'; enumId: string; changes: Partial<Omit<EnumType, 'id'>> }
  /** Columns typed with the enum fall back to `text` (each reported). */
  | { type: 'enum.remove'; enumId: string }
  | { type: 'domain.add'; domain: Domain }
  | { type: 'domain.update'; domainId: string; changes: Partial<Omit<Domain, 'id'>> }
  /** Columns typed with the domain fall back to the domain's base scalar type (each reported). */
  | { type: 'domain.remove'; domainId: string };

export type NamespaceCommand =
  | { type: 'view.add'; view: View }
  | { type: 'view.update'; viewId: string; changes: Partial<Omit<View, 'id'>> }
  | { type: 'view.remove'; viewId: string }
  | { type: 'schema.add'; schema: SchemaNamespace }
  | { type: 'schema.update'; schemaId: string; changes: Partial<Omit<SchemaNamespace, 'id'>> }
  /** Elements in the schema move to the default schema (each reported); a name clash there is an error. */
  | { type: 'schema.remove'; schemaId: string };

/** Database-wide objects: PostgreSQL extensions and sequences. */
export type DatabaseCommand =
  | { type: 'extension.add'; extension: Extension }
  | { type: 'extension.update'; extensionId: string; changes: Partial<Omit<Extension, 'id'>> }
  | { type: 'extension.remove'; extensionId: string }
  | { type: 'sequence.add'; sequence: Sequence }
  | { type: 'sequence.update'; sequenceId: string; changes: Partial<Omit<Sequence, 'id'>> }
  /** Defaults drawing from the sequence are removed (each reported). */
  | { type: 'sequence.remove'; sequenceId: string };

export type CanvasCommand =
  | { type: 'area.add'; area: Area }
  | { type: 'area.update'; areaId: string; changes: Partial<Omit<Area, 'id'>> }
  | { type: 'area.remove'; areaId: string }
  /** Adds tables to an area (already present ones are left alone). */
  | { type: 'area.addTables'; areaId: string; tableIds: string[] }
  | { type: 'area.removeTables'; areaId: string; tableIds: string[] }
  | { type: 'note.add'; note: Note; geometry: NoteGeometry }
  | { type: 'note.update'; noteId: string; changes: Partial<Omit<Note, 'id'>> }
  | { type: 'note.remove'; noteId: string }
  /** A whole drag (or an auto-layout) is one command: one undo step. */
  | { type: 'layout.moveTables'; positions: Record<string, Point> }
  | { type: 'layout.setTableColor'; tableId: string; color: string | undefined }
  | { type: 'layout.setTablesCollapsed'; tableIds: string[]; collapsed: boolean }
  | { type: 'layout.setNote'; noteId: string; geometry: Partial<NoteGeometry> };

export type DesignCommand =
  /** An empty string removes the section's text. */
  | { type: 'design.setNarrative'; section: NarrativeSectionKey; markdown: string }
  | { type: 'design.setRequirements'; requirements: Requirements }
  | { type: 'design.queryPattern.add'; queryPattern: QueryPattern; index?: number }
  | { type: 'design.queryPattern.update'; queryPatternId: string; changes: Partial<Omit<QueryPattern, 'id'>> }
  | { type: 'design.queryPattern.remove'; queryPatternId: string }
  | { type: 'settings.setDialect'; dialect: Dialect };

/** The design review's configuration (lib/review): a rule's setting, waivers. */
export type ReviewCommand =
  /** `setting` undefined = back to the rule's defaults. */
  | { type: 'review.setRule'; ruleId: string; setting: RuleSetting | undefined }
  /** Accepts a finding with a rationale; replaces an earlier waiver of the same finding. */
  | { type: 'review.waive'; waiver: Waiver }
  | { type: 'review.unwaive'; key: string };

/** The review board's record (lib/model/governance.ts): status and people, sign-off, decisions, risks. */
export type GovernanceCommand =
  /** `approved` is not settable here (governance.approve records who and when); a status change withdraws an approval. */
  | { type: 'governance.setMeta'; changes: Partial<Pick<Governance, 'authors' | 'reviewers'>> & { status?: Exclude<DesignStatus, 'approved'> } }
  /** A reviewer named in the front matter approves the design as it is now, for a named version. */
  | { type: 'governance.approve'; reviewer: string; at: string; versionName?: string }
  | { type: 'governance.decision.add'; decision: Decision }
  | { type: 'governance.decision.update'; decisionId: string; changes: Partial<Omit<Decision, 'id'>> }
  | { type: 'governance.decision.remove'; decisionId: string }
  | { type: 'governance.risk.add'; risk: Risk }
  | { type: 'governance.risk.update'; riskId: string; changes: Partial<Omit<Risk, 'id'>> }
  | { type: 'governance.risk.remove'; riskId: string };

/**
 * The whole schema replaced by another valid document (an import merged into the project): one undo
 * step like any edit. The replacement is validated; layout and design travel with it.
 */
export type DocumentCommand = { type: 'document.replace'; document: SchemaDocument; label?: string };

export type BatchCommand = {
  type: 'batch';
  /** Shown in the history UI instead of the generated description. */
  label?: string;
  /** Applied in order against the evolving document; all or nothing; one undo step. */
  commands: Command[];
};

export type Command =
  | TableCommand | ColumnCommand | ConstraintCommand | RelationshipCommand | TypeCommand
  | NamespaceCommand | DatabaseCommand | CanvasCommand | DesignCommand | ReviewCommand | GovernanceCommand | DocumentCommand | BatchCommand;

export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** A side effect of integrity upkeep, e.g. `index "ix_orders_email" removed: its only column "email" was removed`. */
export interface Change {
  /** The id of the element that was removed or updated (the table id for a primary key or partitioning). */
  entityId: string;
  kind: 'removed' | 'updated';
  message: string;
}

export interface CommandResult {
  doc: SchemaDocument;
  /** Re-applies the command (redo). */
  patches: Patch[];
  /** Reverses the command (undo). */
  inversePatches: Patch[];
  changes: Change[];
}
