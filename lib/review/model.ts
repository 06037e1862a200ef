/**
 * What every rule of one review run looks up, built once per lintDocument call: tables and
 * relationships as arrays, relationships by child and by parent table, the foreign key columns, the
 * references to each parent column, the enums in use, and the dialect's facts. Each lookup is built on
 * first use, so a run that turns rules off pays only for what the remaining rules ask.
 *
 * Why: forty rules each scanning every relationship for every table made the review quadratic; with
 * these maps the whole 1,000-table benchmark schema is reviewed in a few milliseconds (bench/lint.bench.ts).
 * The document must not change while a model is in use (make one per run).
 */
import { editorCapabilities, dialectSpec } from '../dialects/dialects';
import { formatColumnType } from '../dialects/type-text';
import type { Capabilities, DialectSpec } from '../dialects/types';
import type { Column, ColumnType, Dialect, Relationship, ScalarType, SchemaDocument, Table } from '../model/document';
import { displayName, DocumentIndex } from '../model/lookup';
import { nameWords } from './text';

/** One column pair of a relationship, seen from the parent column it references. */
export interface Reference {
  rel: Relationship;
  child: Table;
  column: Column;
}

const pairKey = (tableId: string, columnId: string) => `${tableId}\u0000${columnId}`;

export class ReviewModel {
  readonly tables: Table[];
  readonly relationships: Relationship[];
  readonly spec: DialectSpec;
  /** The capabilities of the dialect's default target (what the editor offers, see editorCapabilities). */
  readonly caps: Capabilities;
  readonly index = new DocumentIndex();

  private fromMap?: Map<string, Relationship[]>;
  private toMap?: Map<string, Relationship[]>;
  private fkColumns?: Map<string, Set<string>>;
  private references?: Map<string, Reference[]>;
  private usedEnums?: Set<string>;
  private readonly wordCache = new Map<string, string[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly doc: SchemaDocument,
    readonly dialect: Dialect,
  ) {
    this.tables = Object.values(doc.tables);
    this.relationships = Object.values(doc.relationships);
    this.spec = dialectSpec(dialect);
    this.caps = editorCapabilities(dialect);
  }

  table(id: string): Table | undefined {
    return this.doc.tables[id];
  }

  column(table: Table, columnId: string): Column | undefined {
    return this.index.column(table, columnId);
  }

  /** `schema.table`, or the bare name in the default schema. */
  tableLabel(table: Table): string {
    return displayName(this.doc, table);
  }

  /** `table.column` (schema-qualified outside the default schema). */
  columnLabel(table: Table, column: Pick<Column, 'name'>): string {
    return `${displayName(this.doc, table)}.${column.name}`;
  }

  /** Column names of a key, `a, b`. */
  columnList(table: Table, columnIds: readonly string[]): string {
    return columnIds.map((id) => this.index.columnName(table, id)).join(', ');
  }

  /** Relationships whose child (referencing) table is `tableId`. */
  relsFrom(tableId: string): readonly Relationship[] {
    if (!this.fromMap) this.buildRelationshipMaps();
    return this.fromMap!.get(tableId) ?? [];
  }

  /** Relationships whose parent (referenced) table is `tableId`. */
  relsTo(tableId: string): readonly Relationship[] {
    if (!this.toMap) this.buildRelationshipMaps();
    return this.toMap!.get(tableId) ?? [];
  }

  /** True when the column is a child column of some relationship. */
  isForeignKeyColumn(tableId: string, columnId: string): boolean {
    if (!this.fkColumns) {
      this.fkColumns = new Map();
      for (const r of this.relationships) {
        let set = this.fkColumns.get(r.fromTableId);
        if (!set) this.fkColumns.set(r.fromTableId, (set = new Set()));
        for (const p of r.columnPairs) set.add(p.fromColumnId);
      }
    }
    return this.fkColumns.get(tableId)?.has(columnId) ?? false;
  }

  /** The child columns that reference a parent column (through any relationship). */
  referencesTo(tableId: string, columnId: string): readonly Reference[] {
    if (!this.references) {
      this.references = new Map();
      for (const rel of this.relationships) {
        const child = this.doc.tables[rel.fromTableId];
        if (!child) continue;
        for (const p of rel.columnPairs) {
          const column = this.column(child, p.fromColumnId);
          if (!column) continue;
          const k = pairKey(rel.toTableId, p.toColumnId);
          let list = this.references.get(k);
          if (!list) this.references.set(k, (list = []));
          list.push({ rel, child, column });
        }
      }
    }
    return this.references.get(pairKey(tableId, columnId)) ?? [];
  }

  /** Enum ids some column uses. */
  isEnumUsed(enumId: string): boolean {
    if (!this.usedEnums) {
      this.usedEnums = new Set();
      for (const t of this.tables) for (const c of t.columns) if (c.type.kind === 'enum') this.usedEnums.add(c.type.enumId);
    }
    return this.usedEnums.has(enumId);
  }

  /**
   * Every column whose type is scalar (its own or its domain's), without a native type for the target
   * (its spelling is the architect's own): what the type rules walk, listed once per run.
   */
  scalarColumns(): readonly { table: Table; column: Column; type: ScalarType }[] {
    return this.memo('model:scalar-columns', () => {
      const out: { table: Table; column: Column; type: ScalarType }[] = [];
      for (const table of this.tables) {
        for (const column of table.columns) {
          const type = column.type.kind === 'scalar' ? column.type : this.scalarOf(column.type);
          if (type && !type.native?.[this.dialect]) out.push({ table, column, type });
        }
      }
      return out;
    });
  }

  /** The scalar type behind a column: its own, or its domain's; undefined for enums (and missing domains). */
  scalarOf(type: ColumnType): ScalarType | undefined {
    if (type.kind === 'scalar') return type;
    if (type.kind === 'domain') return this.doc.domains[type.domainId]?.type;
    return undefined;
  }

  /** The type as the target dialect spells it (`numeric(10,2)`, `int unsigned`), arrays included. */
  typeText(column: Pick<Column, 'type' | 'arrayDims'>): string {
    return formatColumnType(column.type, column.arrayDims, this.doc, this.dialect);
  }

  /**
   * What two columns must share to hold the same values: the logical type with its length,
   * precision, scale and signedness (or the native type text where the target has one), a domain taken
   * as its base type (a domain over integer holds integers), and the array dimensions. Display widths
   * and ZEROFILL are presentation and take no part. Built from fields, not from the type's text: it is
   * asked for every column of the document.
   */
  typeSignature(column: Pick<Column, 'type' | 'arrayDims'>): string {
    const dims = column.arrayDims ? `[${column.arrayDims}]` : '';
    if (column.type.kind === 'enum') return `enum:${column.type.enumId}${dims}`;
    const s = this.scalarOf(column.type);
    if (!s) return `${column.type.kind}:${column.type.kind === 'domain' ? column.type.domainId : ''}${dims}`;
    const native = s.native?.[this.dialect];
    if (native) return `native:${native.toLowerCase().replace(/\s+/g, ' ').trim()}${dims}`;
    if (s.length === undefined && s.precision === undefined && s.scale === undefined && !s.unsigned) return s.name + dims;
    return `${s.name}(${s.length ?? ''},${s.precision ?? ''},${s.scale ?? ''})${s.unsigned ? 'u' : ''}${dims}`;
  }

  /** The lower-case words of a name (`customerId`, `customer_id` -> customer, id), cached per name. */
  words(name: string): string[] {
    let w = this.wordCache.get(name);
    if (!w) this.wordCache.set(name, (w = nameWords(name)));
    return w;
  }

  /** A lookup one rule builds for itself, once per run (`key` names it; the first call builds it). */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  private buildRelationshipMaps(): void {
    this.fromMap = new Map();
    this.toMap = new Map();
    const push = (map: Map<string, Relationship[]>, key: string, r: Relationship) => {
      const list = map.get(key);
      if (list) list.push(r);
      else map.set(key, [r]);
    };
    for (const r of this.relationships) {
      push(this.fromMap, r.fromTableId, r);
      push(this.toMap, r.toTableId, r);
    }
  }
}
