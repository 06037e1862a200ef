/**
 * Diagnostics over every SQL text of a document, with the loaded parsers: texts that do not parse
 * (with the line and column inside the text), and names of columns that are not there (a column
 * renamed or removed since the expression was written; a view naming a column its tables lack).
 * Synchronous once the parsers are loaded; generateDdl runs it when given them (DdlOptions.sqlParsers).
 */
import { dialectSpec } from '../dialects/dialects';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import { describeSite, expressionSites, siteLocation, type ExpressionSite } from './expression-sites';
import { catalog, resolveColumnRef } from './resolve';
import { LineIndex } from '../importers/sql-common/positions';
import type { ColumnRefSite, SqlParsers, SyntaxFailure } from './types';

export interface ExpressionDiagnosticsOptions {
  /** Only views written for this dialect (the others are left out of its script anyway). */
  outputDialect?: Dialect;
}

function refText(ref: ColumnRefSite): string {
  return ref.parts.map((p) => p.value).join('.');
}

function at(text: string, ref: ColumnRefSite): { line: number; column: number } | undefined {
  const start = ref.parts[0].span.start;
  return start < 0 ? undefined : new LineIndex(text).position(start);
}

function push(out: Diagnostic[], site: ExpressionSite, severity: Diagnostic['severity'], code: string, message: string, pos?: { line: number; column: number }): void {
  const { entityId, path } = siteLocation(site);
  out.push(
    pos
      ? { severity, code, message: `${message} (line ${pos.line}, column ${pos.column} of the ${site.kind === 'view' ? 'view body' : 'expression'})`, entityId, path, textPosition: { line: pos.line, column: pos.column } }
      : { severity, code, message, entityId, path },
  );
}

/** PostgreSQL's own parser failing is an error the engine will raise; the MySQL grammar's, a warning. */
function syntax(out: Diagnostic[], site: ExpressionSite, authoritative: boolean, failure: SyntaxFailure): void {
  if (authoritative) push(out, site, 'error', 'expression.syntax', `${describeSite(site)} does not parse: ${failure.message}`, failure);
  else push(out, site, 'warning', 'expression.syntax-unverified', `${describeSite(site)} does not parse with the MySQL grammar used here (check it on the engine): ${failure.message}`, failure);
}

/** Whether a column reference of a table-scoped expression names a column of `table`. */
function tableColumnOk(ref: ColumnRefSite, table: Table, same: (a: string, b: string) => boolean): boolean {
  const parts = ref.parts;
  // `orders.status` in a CHECK of orders; anything longer or naming another table is the engine's to judge.
  if (parts.length === 2 && !same(parts[0].value, table.name)) return true;
  if (parts.length > 2) return true;
  const name = parts[parts.length - 1].value;
  return table.columns.some((c) => same(c.name, name));
}

export function expressionDiagnostics(doc: SchemaDocument, parsers: SqlParsers, options: ExpressionDiagnosticsOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const docDialect = doc.settings.dialect;
  const same = dialectSpec(docDialect).caseInsensitiveNames ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  for (const site of expressionSites(doc)) {
    // Empty checks are the generator's (check.empty): nothing to parse yet.
    if (!site.text.trim()) continue;
    if (site.kind === 'view') {
      if (options.outputDialect && site.view.dialect !== options.outputDialect) continue;
      const parser = parsers[site.view.dialect];
      if (!parser) continue;
      const parsed = parser.parseQuery(site.text);
      if (!parsed.ok) {
        syntax(out, site, parser.authoritative, parsed);
        continue;
      }
      const cat = catalog(doc, site.view.dialect);
      for (const ref of parsed.refs) {
        const r = resolveColumnRef(ref, parsed.scopes, cat);
        if (r.kind === 'table' && !r.exists) push(out, site, 'error', 'expression.unknown-column', `${describeSite(site)}: ${r.table.name} has no column "${ref.parts[ref.parts.length - 1].value}" (${refText(ref)})`, at(site.text, ref));
        else if (r.kind === 'missing') push(out, site, 'error', 'expression.unknown-column', `${describeSite(site)}: no table of its FROM clause has a column "${refText(ref)}"`, at(site.text, ref));
        else if (r.kind === 'ambiguous') push(out, site, 'error', 'expression.ambiguous-column', `${describeSite(site)}: "${refText(ref)}" is a column of ${r.tables.map((t) => t.name).join(' and ')}, and the engine rejects an ambiguous column: qualify it`, at(site.text, ref));
      }
      continue;
    }
    const parser = parsers[docDialect];
    if (!parser) continue;
    const parsed = parser.parseExpression(site.text);
    if (!parsed.ok) {
      syntax(out, site, parser.authoritative, parsed);
      continue;
    }
    // A domain check names its value VALUE, not a column.
    if (site.kind === 'domain-check') continue;
    for (const ref of parsed.refs) {
      if (tableColumnOk(ref, site.table, same)) continue;
      push(out, site, 'error', 'expression.unknown-column', `${describeSite(site)}: ${site.table.name} has no column "${ref.parts[ref.parts.length - 1].value}"`, at(site.text, ref));
    }
  }
  return out;
}
