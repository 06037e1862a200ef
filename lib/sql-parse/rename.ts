/**
 * Renaming a column or a table rewrites the SQL texts that name it, through the parser: each
 * reference the parser reports (with its span) that resolves to the renamed column or table gets the
 * new name spliced in at that span; the rest of the text stays as the user wrote it (string literals
 * and comments included). The result is one command (a batch: the rename and the rewritten
 * expressions), so the editor's undo takes it back in one step. What cannot be rewritten safely (a
 * text that does not parse, an ambiguous or USING reference in a view) is left as it is and listed
 * in `notes`; the DDL diagnostics then point at it (expression.syntax / expression.unknown-column).
 */
import { dialectSpec } from '../dialects/dialects';
import type { DialectSpec } from '../dialects/types';
import { identifiersIn } from '../ddl/sql-text';
import { SQL_LEXERS } from '../sql-lexer';
import type { Change, Command } from '../model/commands/types';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import { describeSite, rewriteCommands, siteLocation, tableExpressionSites, type ExpressionSite } from './expression-sites';
import { catalog, resolveColumnRef, type Catalog } from './resolve';
import type { NamePart, QueryParse, Span, SqlParsers } from './types';

export interface RenamePlan {
  /** The rename alone, or a batch of the rename and the rewritten expressions (one undo step). */
  command: Command;
  /** How many SQL texts were rewritten. */
  rewritten: number;
  /** What was left as it is, one sentence each (the editor shows them; the DDL panel flags them). */
  notes: string[];
  /** Both as the editor's toast shows command side effects: each rewritten text, then each note. */
  changes: Change[];
}

interface Edit {
  span: Span;
  text: string;
}

/** `text` with each span replaced (spans do not overlap). */
export function splice(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

/** The new name as the user would write it there: bare where the old one was bare and the new one needs no quotes. */
export function spellIdentifier(spec: DialectSpec, name: string, wasQuoted: boolean): string {
  if (!wasQuoted && spec.bareIdentifier.test(name) && !spec.reservedWords.has(name.toLowerCase())) return name;
  return spec.quoteIdentifier(name);
}

class Rewriter {
  readonly edits = new Map<ExpressionSite, string>();
  readonly notes: string[] = [];
  private readonly noteChanges: Change[] = [];

  constructor(
    readonly doc: SchemaDocument,
    readonly parsers: SqlParsers,
    private readonly oldName: string,
  ) {}

  /** A text that does not parse: left alone, noted when it seems to name the old name. */
  unparsed(site: ExpressionSite, reason: string): void {
    if (identifiersIn(site.text, SQL_LEXERS[this.doc.settings.dialect]).has(this.oldName.toLowerCase())) this.note(site, `${describeSite(site)} was not rewritten (${reason}); it may still name "${this.oldName}"`);
  }

  private note(site: ExpressionSite, message: string): void {
    this.notes.push(message);
    this.noteChanges.push({ entityId: siteLocation(site).entityId, kind: 'updated', message });
  }

  apply(site: ExpressionSite, edits: Edit[], unrewritable: string[]): void {
    for (const n of unrewritable) this.note(site, `${describeSite(site)}: ${n}`);
    if (edits.length) this.edits.set(site, splice(site.text, edits));
  }

  view(site: Extract<ExpressionSite, { kind: 'view' }>): { parsed: Extract<QueryParse, { ok: true }>; cat: Catalog; spec: DialectSpec } | undefined {
    const parser = this.parsers[site.view.dialect];
    if (!parser) {
      this.unparsed(site, 'its parser is not loaded');
      return undefined;
    }
    const parsed = parser.parseQuery(site.text);
    if (!parsed.ok) {
      this.unparsed(site, `it does not parse: ${parsed.message}`);
      return undefined;
    }
    return { parsed, cat: catalog(this.doc, site.view.dialect), spec: dialectSpec(site.view.dialect) };
  }

  plan(rename: Command, label: string, newName: string): RenamePlan {
    const rewrites = rewriteCommands(this.edits);
    const command: Command = rewrites.length ? { type: 'batch', label, commands: [rename, ...rewrites] } : rename;
    const changes: Change[] = [...this.edits.keys()].map((site) => ({ entityId: siteLocation(site).entityId, kind: 'updated', message: `${describeSite(site)} rewritten: "${this.oldName}" is now "${newName}"` }));
    return { command, rewritten: this.edits.size, notes: this.notes, changes: [...changes, ...this.noteChanges] };
  }
}

/** The edits to one text: a located name part is replaced; one the parser could not locate is a note. */
class SiteEdits {
  readonly edits: Edit[] = [];
  readonly stuck: string[] = [];
  replace(part: NamePart, text: string, shown = part.value): void {
    if (part.span.start < 0) this.stuck.push(`"${shown}" could not be located in the text; rename it by hand`);
    else this.edits.push({ span: part.span, text });
  }
  applyTo(r: Rewriter, site: ExpressionSite): void {
    r.apply(site, this.edits, [...new Set(this.stuck)]);
  }
}

function viewSites(doc: SchemaDocument): Extract<ExpressionSite, { kind: 'view' }>[] {
  return Object.values(doc.views).map((view) => ({ kind: 'view', view, text: view.sql }));
}

function sameFn(dialect: Dialect): (a: string, b: string) => boolean {
  return dialectSpec(dialect).caseInsensitiveNames ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
}

/** Expressions of `table` itself (checks, indexes, generated columns, defaults, partition key): their references that `match`. */
function rewriteTableExpressions(r: Rewriter, table: Table, match: (parts: NamePart[]) => NamePart | undefined, replacement: (part: NamePart) => string): void {
  const parser = r.parsers[r.doc.settings.dialect];
  for (const site of tableExpressionSites(table)) {
    if (!site.text.trim()) continue;
    if (!parser) {
      r.unparsed(site, 'its parser is not loaded');
      continue;
    }
    const parsed = parser.parseExpression(site.text);
    if (!parsed.ok) {
      r.unparsed(site, `it does not parse: ${parsed.message} at line ${parsed.line}, column ${parsed.column}`);
      continue;
    }
    const e = new SiteEdits();
    for (const ref of parsed.refs) {
      const part = match(ref.parts);
      if (part) e.replace(part, replacement(part), ref.parts.map((p) => p.value).join('.'));
    }
    e.applyTo(r, site);
  }
}

export function renameColumnPlan(doc: SchemaDocument, tableId: string, columnId: string, newName: string, parsers: SqlParsers): RenamePlan {
  const table = doc.tables[tableId];
  const column = table?.columns.find((c) => c.id === columnId);
  const rename: Command = { type: 'column.update', tableId, columnId, changes: { name: newName } };
  if (!table || !column || column.name === newName) return { command: rename, rewritten: 0, notes: [], changes: [] };
  const old = column.name;
  const r = new Rewriter(doc, parsers, old);
  const docDialect = doc.settings.dialect;
  const same = sameFn(docDialect);
  const docSpec = dialectSpec(docDialect);

  rewriteTableExpressions(
    r,
    table,
    (parts) => {
      const last = parts[parts.length - 1];
      if (!same(last.value, old)) return undefined;
      if (parts.length === 1 || (parts.length === 2 && same(parts[0].value, table.name))) return last;
      return undefined;
    },
    (part) => spellIdentifier(docSpec, newName, part.quoted),
  );

  for (const site of viewSites(doc)) {
    const v = r.view(site);
    if (!v) continue;
    const { parsed, cat, spec } = v;
    const e = new SiteEdits();
    for (const ref of parsed.refs) {
      const last = ref.parts[ref.parts.length - 1];
      if (!cat.same(last.value, old)) continue;
      const res = resolveColumnRef(ref, parsed.scopes, cat);
      const name = ref.parts.map((p) => p.value).join('.');
      if (res.kind === 'table' && res.table.id === table.id) e.replace(last, spellIdentifier(spec, newName, last.quoted), name);
      else if (res.kind === 'ambiguous' && res.tables.includes(table)) e.stuck.push(`"${name}" may mean ${res.tables.map((t) => t.name).join(' or ')}: not rewritten, qualify it`);
      else if (res.kind === 'using' && res.tables.includes(table)) e.stuck.push(`"${name}" is a JOIN ... USING / NATURAL column: not rewritten, rename it by hand`);
    }
    for (const scope of parsed.scopes) {
      const hasTable = scope.relations.some((rel) => cat.tableOf(rel) === table);
      if (hasTable && scope.usingColumns.some((u) => cat.same(u, old))) e.stuck.push(`it joins USING ("${old}"): not rewritten, rename it by hand`);
    }
    e.applyTo(r, site);
  }
  return r.plan(rename, `Rename column ${table.name}.${old} to ${newName}`, newName);
}

export function renameTablePlan(doc: SchemaDocument, tableId: string, newName: string, parsers: SqlParsers): RenamePlan {
  const table = doc.tables[tableId];
  const rename: Command = { type: 'table.update', tableId, changes: { name: newName } };
  if (!table || table.name === newName) return { command: rename, rewritten: 0, notes: [], changes: [] };
  const old = table.name;
  const r = new Rewriter(doc, parsers, old);
  const same = sameFn(doc.settings.dialect);
  const docSpec = dialectSpec(doc.settings.dialect);

  // `orders.status` inside a CHECK of orders.
  rewriteTableExpressions(r, table, (parts) => (parts.length === 2 && same(parts[0].value, old) ? parts[0] : undefined), (part) => spellIdentifier(docSpec, newName, part.quoted));

  for (const site of viewSites(doc)) {
    const v = r.view(site);
    if (!v) continue;
    const { parsed, cat, spec } = v;
    const e = new SiteEdits();
    const respell = (part: NamePart) => e.replace(part, spellIdentifier(spec, newName, part.quoted));
    for (const { site: rel } of parsed.relations) if (rel.name && cat.tableOf(rel) === table) respell(rel.name);
    for (const ref of parsed.refs) {
      if (ref.parts.length < 2) continue;
      const res = resolveColumnRef(ref, parsed.scopes, cat);
      if (res.kind === 'table' && res.table === table && res.relation.alias === undefined) respell(ref.parts[ref.parts.length - 2]);
    }
    e.applyTo(r, site);
  }
  return r.plan(rename, `Rename table ${old} to ${newName}`, newName);
}

/**
 * The rename plan for a command that only renames a column or a table (what the canvas and the
 * inspector dispatch), or undefined for any other command.
 */
export function renamePlanFor(doc: SchemaDocument, command: Command, parsers: SqlParsers): RenamePlan | undefined {
  if (command.type === 'column.update' && Object.keys(command.changes).length === 1 && typeof command.changes.name === 'string') {
    return renameColumnPlan(doc, command.tableId, command.columnId, command.changes.name, parsers);
  }
  if (command.type === 'table.update' && Object.keys(command.changes).length === 1 && typeof command.changes.name === 'string') {
    return renameTablePlan(doc, command.tableId, command.changes.name, parsers);
  }
  return undefined;
}
