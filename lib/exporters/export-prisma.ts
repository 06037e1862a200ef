/**
 * A schema.prisma equivalent to the document, for the document's dialect (provider postgresql or
 * mysql): one model per table, one enum per enum, the real names kept with @map/@@map wherever a
 * Prisma identifier had to differ, @db native types, @id/@@id, @unique/@@unique, @@index, defaults,
 * and one relation per foreign key with the back-relation field on the other model (named when two
 * models share several relations).
 *
 * What Prisma cannot express is reported as a Diagnostic and, where useful, left as a comment: check
 * constraints, partial and expression indexes, generated columns, partitioning, views. Pure: the
 * result is validated with getDMMF in lib/exporters/export-prisma.test.ts (Node only).
 */
import type { Diagnostic } from '../model/diagnostics';
import type { Column, Dialect, EnumType, Relationship, SchemaDocument, Table } from '../model/document';
import { displayName } from '../model/lookup';
import { ownedSequenceOf, sequenceDefaultLabel } from '../model/sequences';
import { indexName, uniqueConstraintName } from '../naming/derived-names';
import { NameScope, quotedString, sanitizeIdentifier } from './identifiers';
import { PRISMA_CONNECTORS } from './prisma-connectors';
import { prismaTypeOf, type PrismaScalar } from './prisma-types';

export interface ExportResult {
  text: string;
  diagnostics: Diagnostic[];
}

export interface PrismaExportOptions {
  /** Provider; default the document's dialect. */
  dialect?: Dialect;
}

/** Names a model or enum cannot take (Prisma keywords, scalar types, generated client names). */
const RESERVED_TYPE_NAMES = [
  'String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported',
  'model', 'enum', 'type', 'view', 'datasource', 'generator', 'Prisma', 'PrismaClient',
];

const ACTION: Record<Relationship['onDelete'], string> = {
  'no action': 'NoAction',
  restrict: 'Restrict',
  cascade: 'Cascade',
  'set null': 'SetNull',
  'set default': 'SetDefault',
};

interface FieldPlan {
  column: Column;
  name: string;
  type: string;
  scalar: PrismaScalar | 'Unsupported' | 'enum';
  optional: boolean;
  list: boolean;
  attributes: string[];
}

interface ModelPlan {
  table: Table;
  name: string;
  fields: Map<string, FieldPlan>;
  scope: NameScope;
  lines: string[];
  blockAttributes: string[];
  /** Column-id sets (sorted, joined) Prisma sees as unique: @id, @unique, @@unique. */
  uniqueSets: Set<string>;
  ignored: boolean;
}

const setKey = (ids: readonly string[]) => [...ids].sort().join('\u0000');

function docLines(text: string | undefined, indent: string): string[] {
  if (!text?.trim()) return [];
  return text.split(/\r\n|[\r\n\u2028\u2029]/).map((l) => `${indent}/// ${l}`.trimEnd());
}

/** A Prisma string literal for a dbgenerated() SQL expression. */
const dbgenerated = (sql: string) => `@default(dbgenerated(${quotedString(sql)}))`;

function literalSql(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}

class PrismaExporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly models = new Map<string, ModelPlan>();
  private readonly enumNames = new Map<string, string>();
  private readonly enumValueNames = new Map<string, Map<string, string>>();
  private readonly typeScope = new NameScope(RESERVED_TYPE_NAMES, true);
  private readonly multiSchema: boolean;
  /** Relationships per unordered pair of tables (computed once: a per-relationship scan is quadratic). */
  private readonly pairCounts = new Map<string, number>();

  constructor(
    private readonly doc: SchemaDocument,
    private readonly dialect: Dialect,
  ) {
    this.multiSchema = PRISMA_CONNECTORS[dialect].multiSchema && Object.values(doc.tables).some((t) => t.schemaId && doc.schemas[t.schemaId]);
    if (!PRISMA_CONNECTORS[dialect].multiSchema && Object.values(doc.tables).some((t) => t.schemaId)) {
      this.warn('prisma.schemas', 'MySQL schemas (databases) are not kept: all models are in one database');
    }
  }

  private warn(code: string, message: string, path?: string, severity: Diagnostic['severity'] = 'warning') {
    this.diagnostics.push({ severity, code, message, ...(path ? { path } : {}) });
  }

  private schemaAttribute(schemaId: string | undefined): string[] {
    if (!this.multiSchema) return [];
    return [`@@schema(${quotedString(schemaId ? (this.doc.schemas[schemaId]?.name ?? 'public') : 'public')})`];
  }

  run(): string {
    const out: string[] = [];
    for (const e of Object.values(this.doc.enums)) this.planEnum(e);
    for (const t of Object.values(this.doc.tables)) this.planModel(t);
    for (const r of Object.values(this.doc.relationships)) this.pairCounts.set(pairKey(r), (this.pairCounts.get(pairKey(r)) ?? 0) + 1);
    for (const r of Object.values(this.doc.relationships)) this.planRelation(r);

    out.push(this.header());
    for (const e of Object.values(this.doc.enums)) out.push(this.enumBlock(e));
    for (const m of this.models.values()) out.push(this.modelBlock(m));
    if (Object.keys(this.doc.views).length) this.warn('prisma.view', `${Object.keys(this.doc.views).length} view(s) not exported: Prisma views need a preview feature and cannot be validated`, undefined, 'info');
    return `${out.join('\n\n')}\n`;
  }

  private header(): string {
    const rels = Object.values(this.doc.relationships);
    const unenforced = rels.filter((r) => !r.enforced).length;
    // relationMode is datasource-wide: "prisma" only when no relationship is a real foreign key.
    const relationMode = rels.length > 0 && unenforced === rels.length;
    if (unenforced > 0 && !relationMode) this.warn('prisma.relation-mode', `${unenforced} relationship(s) are logical only, but relationMode is datasource-wide: exported as foreign keys`);
    const schemas = new Set<string>();
    if (this.multiSchema) {
      for (const t of Object.values(this.doc.tables)) schemas.add(t.schemaId ? (this.doc.schemas[t.schemaId]?.name ?? 'public') : 'public');
      for (const e of Object.values(this.doc.enums)) schemas.add(e.schemaId ? (this.doc.schemas[e.schemaId]?.name ?? 'public') : 'public');
    }
    return [
      '// Generated by Draftbase: a Prisma schema equivalent to the design (datasource url left to prisma.config.ts).',
      'generator client {',
      '  provider = "prisma-client-js"',
      '}',
      '',
      'datasource db {',
      `  provider = "${PRISMA_CONNECTORS[this.dialect].provider}"`,
      ...(relationMode ? ['  relationMode = "prisma"'] : []),
      ...(schemas.size ? [`  schemas  = [${[...schemas].sort().map(quotedString).join(', ')}]`] : []),
      '}',
    ].join('\n');
  }

  private planEnum(e: EnumType) {
    const name = this.typeScope.claim(sanitizeIdentifier(e.name, 'Enum'));
    this.enumNames.set(e.id, name);
    const scope = new NameScope();
    const values = new Map<string, string>();
    for (const v of e.values) {
      if (values.has(v)) continue;
      values.set(v, scope.claim(sanitizeIdentifier(v, 'VALUE')));
    }
    this.enumValueNames.set(e.id, values);
  }

  private enumBlock(e: EnumType): string {
    const name = this.enumNames.get(e.id) ?? e.name;
    const lines = [...docLines(e.comment, ''), `enum ${name} {`];
    for (const [value, ident] of this.enumValueNames.get(e.id) ?? []) lines.push(ident === value ? `  ${ident}` : `  ${ident} @map(${quotedString(value)})`);
    if (name !== e.name) lines.push('', `  @@map(${quotedString(e.name)})`);
    lines.push(...this.schemaAttribute(e.schemaId).map((a) => `  ${a}`));
    lines.push('}');
    return lines.join('\n');
  }

  private fieldOf(table: Table, column: Column, path: string): FieldPlan | undefined {
    const dims = column.arrayDims ?? 0;
    let scalar: FieldPlan['scalar'];
    let type: string;
    let attribute: string | undefined;
    let enumId: string | undefined;
    if (column.type.kind === 'enum') {
      enumId = column.type.enumId;
      const name = this.enumNames.get(enumId);
      if (!name) return undefined;
      scalar = 'enum';
      type = name;
    } else {
      const st = column.type.kind === 'domain' ? this.doc.domains[column.type.domainId]?.type : column.type;
      if (!st) return undefined;
      const pt = prismaTypeOf(st, this.dialect);
      if (pt.approximated) this.warn('prisma.native-type', `${displayName(this.doc, table)}.${column.name}: native type "${pt.approximated}" written as its logical type`, path, 'info');
      scalar = pt.scalar;
      type = pt.scalar === 'Unsupported' ? `Unsupported(${quotedString(`${pt.native ?? st.name}${'[]'.repeat(dims)}`)})` : pt.scalar;
      attribute = pt.attribute;
    }
    let list = false;
    let optional = column.nullable;
    if (dims > 0 && scalar !== 'Unsupported') {
      if (!PRISMA_CONNECTORS[this.dialect].scalarLists || dims > 1) {
        this.warn('prisma.array', `${displayName(this.doc, table)}.${column.name}: ${dims}-dimensional arrays are not Prisma scalar lists here: Unsupported`, path);
        type = `Unsupported(${quotedString(`${column.type.kind === 'scalar' ? (column.type.native?.[this.dialect] ?? column.type.name) : type}${'[]'.repeat(dims)}`)})`;
        scalar = 'Unsupported';
        attribute = undefined;
      } else {
        list = true;
        if (optional) {
          // Prisma has no optional lists: a NULL array reads as an empty list.
          this.warn('prisma.optional-list', `${displayName(this.doc, table)}.${column.name}: nullable array written as a (required) Prisma list`, path, 'info');
          optional = false;
        }
      }
    }
    const attributes: string[] = [];
    if (attribute) attributes.push(attribute);
    const def = this.defaultOf(table, column, scalar, list, enumId, path);
    if (def) attributes.unshift(def);
    if (column.generated) this.warn('prisma.generated', `${displayName(this.doc, table)}.${column.name}: generated column (${column.generated.expression}) written as a plain field`, path, 'info');
    return { column, name: '', type, scalar, optional, list, attributes };
  }

  private defaultOf(table: Table, column: Column, scalar: FieldPlan['scalar'], list: boolean, enumId: string | undefined, path: string): string | undefined {
    if (column.identity) {
      if (scalar === 'Int' || scalar === 'BigInt') return '@default(autoincrement())';
      this.warn('prisma.identity', `${displayName(this.doc, table)}.${column.name}: identity on a non-integer field`, path);
      return undefined;
    }
    const d = column.default;
    switch (d.kind) {
      case 'none':
        return undefined;
      case 'builtin':
        if (d.name === 'current_timestamp' && scalar === 'DateTime') return '@default(now())';
        if (d.name === 'uuid' && scalar === 'String') return '@default(uuid())';
        return dbgenerated(d.name === 'uuid' ? PRISMA_CONNECTORS[this.dialect].uuidDefault : d.name.toUpperCase());
      case 'expression':
        if (scalar === 'DateTime' && /^(now\(\)|current_timestamp(\(\))?)$/i.test(d.sql.trim())) return '@default(now())';
        return dbgenerated(d.sql);
      case 'literal': {
        const v = d.value;
        if (v === null) return undefined;
        if (list) return dbgenerated(literalSql(v));
        if (scalar === 'enum' && enumId) {
          const ident = this.enumValueNames.get(enumId)?.get(String(v));
          return ident ? `@default(${ident})` : dbgenerated(literalSql(v));
        }
        if (scalar === 'String') return `@default(${quotedString(String(v))})`;
        if (scalar === 'Boolean') {
          const b = typeof v === 'boolean' ? v : /^(true|t|1|yes|on)$/i.test(String(v)) ? true : /^(false|f|0|no|off)$/i.test(String(v)) ? false : undefined;
          return b === undefined ? dbgenerated(literalSql(v)) : `@default(${b})`;
        }
        if (scalar === 'Int' || scalar === 'BigInt') return /^-?\d+$/.test(String(v)) ? `@default(${v})` : dbgenerated(literalSql(v));
        if (scalar === 'Float' || scalar === 'Decimal') return /^-?\d+(\.\d+)?$/.test(String(v)) ? `@default(${v})` : dbgenerated(literalSql(v));
        return dbgenerated(literalSql(v));
      }
      case 'sequence': {
        // Prisma's autoincrement() is a serial column on PostgreSQL: a column that owns its sequence.
        if ((scalar === 'Int' || scalar === 'BigInt') && ownedSequenceOf(this.doc, table, column)) return '@default(autoincrement())';
        return dbgenerated(sequenceDefaultLabel(this.doc, d.sequenceId));
      }
      default: {
        const never: never = d;
        throw new Error(`unknown default ${JSON.stringify(never)}`);
      }
    }
  }

  private planModel(table: Table) {
    const tablePath = `tables.${table.id}`;
    const name = this.typeScope.claim(sanitizeIdentifier(table.name, 'Model'));
    const scope = new NameScope();
    const fields = new Map<string, FieldPlan>();
    table.columns.forEach((c, i) => {
      const f = this.fieldOf(table, c, `${tablePath}.columns.${i}`);
      if (!f) return;
      f.name = scope.claim(sanitizeIdentifier(c.name, 'field'));
      fields.set(c.id, f);
    });
    const model: ModelPlan = { table, name, fields, scope, lines: [], blockAttributes: [], uniqueSets: new Set(), ignored: false };
    this.models.set(table.id, model);
    const usable = (ids: readonly string[]) => ids.every((id) => fields.has(id));
    const fieldList = (ids: readonly string[], sortOf?: (id: string) => string) => `[${ids.map((id) => `${fields.get(id)!.name}${sortOf ? sortOf(id) : ''}`).join(', ')}]`;
    const mapArg = (n: string | undefined) => (n ? `, map: ${quotedString(n)}` : '');
    const unsupported = (ids: readonly string[]) => ids.some((id) => fields.get(id)!.scalar === 'Unsupported');

    // Primary key
    const pk = table.primaryKey;
    if (pk && usable(pk.columnIds) && !unsupported(pk.columnIds)) {
      const pkName = PRISMA_CONNECTORS[this.dialect].primaryKeyNames ? pk.name : undefined;
      if (pk.columnIds.length === 1 && !this.needsLength(fields.get(pk.columnIds[0])!)) fields.get(pk.columnIds[0])!.attributes.unshift(pkName ? `@id(map: ${quotedString(pkName)})` : '@id');
      else model.blockAttributes.push(`@@id(${fieldList(pk.columnIds, (id) => this.lengthArg(fields.get(id)!))}${mapArg(pkName)})`);
      model.uniqueSets.add(setKey(pk.columnIds));
    }
    // Unique constraints and plain unique indexes
    const uniques: { ids: string[]; name?: string; sort?: Map<string, string>; source: string }[] = [];
    table.uniques.forEach((u, i) => {
      if (u.columnIds.length) uniques.push({ ids: u.columnIds, name: u.name, source: `${tablePath}.uniques.${i}` });
      else this.warn('prisma.unique', `${displayName(this.doc, table)}: unique ${uniqueConstraintName(table, u)} has no columns yet: left out`, `${tablePath}.uniques.${i}`);
    });
    table.indexes.forEach((ix, i) => {
      if (!ix.parts.length || !ix.unique || ix.where || ix.parts.some((p) => p.kind !== 'column')) return;
      const sort = new Map<string, string>();
      const ids = ix.parts.map((p) => (p.kind === 'column' ? p.columnId : ''));
      ix.parts.forEach((p) => p.kind === 'column' && p.order === 'desc' && sort.set(p.columnId, '(sort: Desc)'));
      uniques.push({ ids, name: ix.name, sort, source: `${tablePath}.indexes.${i}` });
    });
    for (const u of uniques) {
      const key = setKey(u.ids);
      if (!usable(u.ids) || unsupported(u.ids) || new Set(u.ids).size !== u.ids.length) {
        this.warn('prisma.unique', `${displayName(this.doc, table)}: unique ${u.name ?? ''} on columns Prisma cannot index: left out`, u.source);
        continue;
      }
      if (model.uniqueSets.has(key)) {
        this.warn('prisma.unique-duplicate', `${displayName(this.doc, table)}: unique ${u.name ?? ''} repeats another unique column set: left out`, u.source, 'info');
        continue;
      }
      model.uniqueSets.add(key);
      if (u.ids.length === 1 && !u.sort?.size && !this.needsLength(fields.get(u.ids[0])!)) fields.get(u.ids[0])!.attributes.push(u.name ? `@unique(map: ${quotedString(u.name)})` : '@unique');
      else model.blockAttributes.push(`@@unique(${fieldList(u.ids, (id) => this.partArgs(fields.get(id)!, undefined, u.sort?.has(id) ?? false))}${mapArg(u.name)})`);
    }
    // Plain indexes
    const indexKeys = new Set<string>();
    table.indexes.forEach((ix, i) => {
      const path = `${tablePath}.indexes.${i}`;
      const name = indexName(table, ix);
      if (!ix.parts.length) {
        this.warn('prisma.index', `${displayName(this.doc, table)}: index ${name} has no columns yet: left out`, path);
        return;
      }
      if (ix.unique && !ix.where && ix.parts.every((p) => p.kind === 'column')) return;
      if (ix.where || ix.parts.some((p) => p.kind === 'expression')) {
        this.warn('prisma.index', `${displayName(this.doc, table)}: index ${name} is ${ix.where ? 'partial' : 'an expression index'}: Prisma cannot express it, left out`, path);
        return;
      }
      if (ix.method === 'fulltext' || ix.method === 'spatial') {
        this.warn('prisma.index', `${displayName(this.doc, table)}: ${ix.method} index ${name} left out (needs a Prisma preview feature)`, path);
        return;
      }
      const ids = ix.parts.map((p) => (p.kind === 'column' ? p.columnId : ''));
      if (!usable(ids) || unsupported(ids)) {
        this.warn('prisma.index', `${displayName(this.doc, table)}: index ${name} covers columns Prisma cannot index: left out`, path);
        return;
      }
      const key = ids.join('\u0000');
      if (indexKeys.has(key)) {
        this.warn('prisma.index-duplicate', `${displayName(this.doc, table)}: index ${name} repeats another index's columns: left out`, path, 'info');
        return;
      }
      indexKeys.add(key);
      const parts = ix.parts.map((p) => {
        if (p.kind !== 'column') return '';
        const f = fields.get(p.columnId)!;
        return `${f.name}${this.partArgs(f, p.length, p.order === 'desc')}`;
      });
      const indexType = ix.method && PRISMA_CONNECTORS[this.dialect].indexTypes[ix.method];
      const type = indexType ? `, type: ${indexType}` : '';
      if (ix.method && !['btree', 'hash', 'brin'].includes(ix.method)) this.warn('prisma.index-method', `${displayName(this.doc, table)}: index ${name} written as B-tree (method ${ix.method} needs operator classes in Prisma)`, path, 'info');
      model.blockAttributes.push(`@@index([${parts.join(', ')}]${mapArg(ix.name)}${type})`);
    });
    for (const [i, ch] of table.checks.entries()) {
      if (!ch.expression.trim()) continue; // no expression yet
      this.warn('prisma.check', `${displayName(this.doc, table)}: check ${ch.name ?? ch.expression} is not expressible in Prisma (kept as a comment)`, `${tablePath}.checks.${i}`, 'info');
    }
    if (table.partitioning) this.warn('prisma.partitioning', `${displayName(this.doc, table)}: partitioning is not expressible in Prisma`, `${tablePath}.partitioning`, 'info');
    // Prisma needs a unique criterion of required fields, else the model can only be @@ignore'd.
    const hasCriterion = [...model.uniqueSets].some((k) => k.split('\u0000').every((id) => fields.get(id) && !fields.get(id)!.optional));
    if (!hasCriterion) {
      model.ignored = true;
      this.warn('prisma.no-unique', `${displayName(this.doc, table)}: no primary key or unique constraint on required columns: the model is @@ignore'd by Prisma Client`, tablePath);
    }
  }

  /** MySQL cannot index TEXT/BLOB columns without a prefix length; Prisma enforces it. */
  private needsLength(f: FieldPlan): boolean {
    return PRISMA_CONNECTORS[this.dialect].keyPrefixLength !== undefined && f.attributes.some((a) => /^@db\.(Tiny|Medium|Long)?(Text|Blob)$/.test(a));
  }

  private lengthArg(f: FieldPlan): string {
    return this.needsLength(f) ? `(length: ${PRISMA_CONNECTORS[this.dialect].keyPrefixLength})` : '';
  }

  /** `(length: n, sort: Desc)` arguments of one index part (empty when none). */
  private partArgs(f: FieldPlan, length: number | undefined, desc: boolean): string {
    const args: string[] = [];
    const prefix = PRISMA_CONNECTORS[this.dialect].keyPrefixLength;
    if (prefix !== undefined && (length !== undefined || this.needsLength(f))) args.push(`length: ${length ?? prefix}`);
    if (desc) args.push('sort: Desc');
    return args.length ? `(${args.join(', ')})` : '';
  }

  private planRelation(r: Relationship) {
    const child = this.models.get(r.fromTableId);
    const parent = this.models.get(r.toTableId);
    const path = `relationships.${r.id}`;
    if (!child || !parent) return;
    const fromIds = r.columnPairs.map((p) => p.fromColumnId);
    const toIds = r.columnPairs.map((p) => p.toColumnId);
    const label = `${displayName(this.doc, child.table)} -> ${displayName(this.doc, parent.table)}`;
    const skip = (why: string) => this.warn('prisma.relation', `relationship ${r.name ?? label}: ${why}; the columns are kept, the relation is left out`, path);
    if (!fromIds.every((id) => child.fields.has(id)) || !toIds.every((id) => parent.fields.has(id))) return skip('a column has no Prisma field');
    if (!parent.uniqueSets.has(setKey(toIds))) return skip('the referenced columns are not a primary key or unique constraint in Prisma');
    for (let i = 0; i < fromIds.length; i++) {
      const a = child.fields.get(fromIds[i])!;
      const b = parent.fields.get(toIds[i])!;
      if (a.type !== b.type || a.list || b.list || a.scalar === 'Unsupported') return skip(`column types differ in Prisma (${a.type} vs ${b.type})`);
    }
    if (new Set(fromIds).size !== fromIds.length) return skip('a column appears twice');
    const optional = fromIds.some((id) => child.fields.get(id)!.optional);
    const oneToOne = child.uniqueSets.has(setKey(fromIds));
    // Names are needed when two models share several relations (or a model relates to itself).
    const named = (this.pairCounts.get(pairKey(r)) ?? 0) > 1 || r.fromTableId === r.toTableId;
    const relationName = named ? quotedString(r.name ?? `${child.name}_${fromIds.map((id) => child.fields.get(id)!.name).join('_')}`) : undefined;

    const single = fromIds.length === 1 ? child.fields.get(fromIds[0])!.name.replace(/_?(id|Id|ID)$/, '') : '';
    const forward = child.scope.claim(single && single !== child.fields.get(fromIds[0])!.name ? single : lowerFirst(parent.name));
    const back = parent.scope.claim(lowerFirst(child.name) + (oneToOne || /s$/i.test(child.name) ? '' : 's'));
    const args = [
      ...(relationName ? [relationName] : []),
      `fields: [${fromIds.map((id) => child.fields.get(id)!.name).join(', ')}]`,
      `references: [${toIds.map((id) => parent.fields.get(id)!.name).join(', ')}]`,
    ];
    const requiredSetNull = (a: Relationship['onDelete']) => a === 'set null' && fromIds.some((id) => !child.fields.get(id)!.optional);
    for (const [key, action] of [['onDelete', r.onDelete], ['onUpdate', r.onUpdate]] as const) {
      if (requiredSetNull(action)) {
        this.warn('prisma.set-null', `relationship ${r.name ?? label}: ${key} SET NULL on required columns is rejected by Prisma: left as the default`, path);
        continue;
      }
      args.push(`${key}: ${ACTION[action]}`);
    }
    if (r.name) args.push(`map: ${quotedString(r.name)}`);
    const ignore = child.ignored || parent.ignored ? ' @ignore' : '';
    child.lines.push(`  ${forward} ${parent.name}${optional ? '?' : ''} @relation(${args.join(', ')})${ignore}`);
    parent.lines.push(`  ${back} ${child.name}${oneToOne ? '?' : '[]'}${relationName ? ` @relation(${relationName})` : ''}${ignore}`);
  }

  private modelBlock(m: ModelPlan): string {
    const lines = [...docLines(m.table.comment, ''), `model ${m.name} {`];
    for (const f of m.fields.values()) {
      lines.push(...docLines(f.column.comment, '  '));
      const attrs = [...f.attributes];
      if (f.name !== f.column.name) attrs.push(`@map(${quotedString(f.column.name)})`);
      lines.push(`  ${f.name} ${f.type}${f.list ? '[]' : f.optional ? '?' : ''}${attrs.length ? ` ${attrs.join(' ')}` : ''}`);
    }
    lines.push(...m.lines);
    const block = [...m.blockAttributes];
    if (m.name !== m.table.name) block.push(`@@map(${quotedString(m.table.name)})`);
    block.push(...this.schemaAttribute(m.table.schemaId));
    if (m.ignored) block.push('@@ignore');
    for (const ch of m.table.checks.filter((c) => c.expression.trim())) lines.push(`  // CHECK ${(ch.name ? `${ch.name}: ` : '') + ch.expression.replace(/\s+/g, ' ')}`);
    if (block.length) lines.push('', ...block.map((b) => `  ${b}`));
    lines.push('}');
    return lines.join('\n');
  }
}

function pairKey(r: Relationship): string {
  return r.fromTableId < r.toTableId ? `${r.fromTableId}\u0000${r.toTableId}` : `${r.toTableId}\u0000${r.fromTableId}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function exportPrisma(doc: SchemaDocument, options: PrismaExportOptions = {}): ExportResult {
  const exporter = new PrismaExporter(doc, options.dialect ?? doc.settings.dialect);
  const text = exporter.run();
  return { text, diagnostics: exporter.diagnostics };
}
