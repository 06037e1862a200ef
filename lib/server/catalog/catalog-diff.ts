/**
 * Compares two engine catalogs (the original DDL applied to one database, Draftbase's regenerated DDL
 * applied to another: the round-trip) and lists every difference as a sentence, tagged with a
 * category so that a test can accept an explained difference by name and fail on anything else.
 *
 * Compared: tables (MySQL: engine, collation, CREATE_OPTIONS, AUTO_INCREMENT), columns (type,
 * nullability, default, identity, generated, collation, MySQL character set and visibility), primary
 * keys, uniques, checks (MySQL 8: enforced), foreign keys (columns, target, actions, deferrability),
 * indexes not backing a constraint (uniqueness, method, parts, predicate, INCLUDE, visibility),
 * partitions, enums, domains, views, sequences (type, every option, OWNED BY, comment) and
 * extensions (schema, version, comment), and routines (functions, procedures, aggregates, triggers,
 * events: each one's presence and the engine's rendering of it) when both catalogs read them.
 */
import 'server-only';
import type { CatalogIndex, CatalogSnapshot, CatalogTable } from '../testing/catalog-types';

export interface CatalogDifference {
  /** e.g. `column.default`, `index.missing`, `table.missing`. */
  kind: string;
  /** `schema.table` (or `schema.type` / view). */
  object: string;
  message: string;
  /** The two compared values, for matchers that accept a difference by its content. */
  detail?: { original: unknown; regenerated: unknown };
}

export interface DiffOptions {
  /** Per-engine normalisation of a column default before comparing (e.g. whitespace). */
  normalizeDefault?: (d: string | null) => string | null;
  /** Normalise an expression (checks, predicates, index expressions, view bodies). */
  normalizeExpression?: (e: string) => string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function indexShape(ix: CatalogIndex, norm: (e: string) => string) {
  return {
    unique: ix.unique,
    method: ix.method,
    parts: ix.parts.map((p) => ({ ...p, expression: p.isColumn ? p.expression : norm(p.expression) })),
    include: ix.include,
    predicate: ix.predicate === null ? null : norm(ix.predicate),
    invisible: ix.invisible ?? false,
  };
}

export function diffCatalogs(original: CatalogSnapshot, regenerated: CatalogSnapshot, o: DiffOptions = {}): CatalogDifference[] {
  const out: CatalogDifference[] = [];
  const norm = o.normalizeExpression ?? ((e: string) => e);
  const normDefault = o.normalizeDefault ?? ((d: string | null) => d);
  const add = (kind: string, object: string, message: string, detail?: CatalogDifference['detail']) => out.push({ kind, object, message, detail });
  const key = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

  const regenTables = new Map(regenerated.tables.map((t) => [key(t), t]));
  for (const a of original.tables) {
    const b = regenTables.get(key(a));
    if (!b) {
      add('table.missing', key(a), `table ${key(a)} is missing from the regenerated schema`);
      continue;
    }
    regenTables.delete(key(a));
    diffTable(a, b, add, norm, normDefault);
  }
  for (const b of regenTables.values()) add('table.extra', key(b), `table ${key(b)} exists only in the regenerated schema`);

  const byName = <T extends { schema: string; name: string }>(xs: T[]) => new Map(xs.map((x) => [key(x), x]));
  const enumsB = byName(regenerated.enums);
  for (const e of original.enums) {
    const f = enumsB.get(key(e));
    if (!f) add('enum.missing', key(e), `enum ${key(e)} is missing`);
    else if (!same(e.values, f.values)) add('enum.values', key(e), `enum ${key(e)} values ${e.values.join(',')} vs ${f.values.join(',')}`);
  }
  const domainsB = byName(regenerated.domains);
  for (const d of original.domains) {
    const e = domainsB.get(key(d));
    if (!e) {
      add('domain.missing', key(d), `domain ${key(d)} is missing`);
      continue;
    }
    if (d.type !== e.type) add('domain.type', key(d), `domain ${key(d)} type ${d.type} vs ${e.type}`);
    if (d.nullable !== e.nullable) add('domain.nullable', key(d), `domain ${key(d)} nullable ${d.nullable} vs ${e.nullable}`);
    if (normDefault(d.default) !== normDefault(e.default)) add('domain.default', key(d), `domain ${key(d)} default ${d.default} vs ${e.default}`);
    if (!same(d.checks.map((c) => norm(c.expression)).sort(), e.checks.map((c) => norm(c.expression)).sort())) add('domain.checks', key(d), `domain ${key(d)} checks differ`);
  }
  const sequencesB = byName(regenerated.sequences);
  for (const q of original.sequences) {
    const r = sequencesB.get(key(q));
    if (!r) add('sequence.missing', key(q), `sequence ${key(q)} is missing`);
    else if (!same(q, r)) add('sequence', key(q), `sequence ${key(q)} ${JSON.stringify(q)} vs ${JSON.stringify(r)}`, { original: q, regenerated: r });
    sequencesB.delete(key(q));
  }
  for (const r of sequencesB.values()) add('sequence.extra', key(r), `sequence ${key(r)} exists only in the regenerated schema`);
  const extensionsB = new Map(regenerated.extensions.map((x) => [x.name, x]));
  for (const x of original.extensions) {
    const y = extensionsB.get(x.name);
    if (!y) add('extension.missing', x.name, `extension ${x.name} is missing`);
    else if (!same(x, y)) add('extension', x.name, `extension ${x.name} ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    extensionsB.delete(x.name);
  }
  for (const y of extensionsB.values()) add('extension.extra', y.name, `extension ${y.name} exists only in the regenerated schema`);
  if (original.routines && regenerated.routines) {
    const routineKey = (r: { schema: string; name: string; kind: string; signature: string; table: string | null }) =>
      r.table ? `${r.schema}.${r.table}.${r.name}` : `${r.schema}.${r.name}(${r.signature})`;
    const routinesB = new Map(regenerated.routines.map((r) => [routineKey(r), r]));
    for (const r of original.routines) {
      const k = routineKey(r);
      const s = routinesB.get(k);
      if (!s) add('routine.missing', k, `${r.kind} ${k} is missing from the regenerated schema`);
      else if (r.kind !== s.kind || norm(r.definition) !== norm(s.definition)) add('routine.definition', k, `${r.kind} ${k} differs:\n  ${r.definition}\n  ${s.definition}`);
      routinesB.delete(k);
    }
    for (const s of routinesB.values()) add('routine.extra', routineKey(s), `${s.kind} ${routineKey(s)} exists only in the regenerated schema`);
  }
  const viewsB = byName(regenerated.views);
  for (const v of original.views) {
    const w = viewsB.get(key(v));
    if (!w) add('view.missing', key(v), `view ${key(v)} is missing`);
    else if (v.materialized !== w.materialized) add('view.materialized', key(v), `view ${key(v)} materialized ${v.materialized} vs ${w.materialized}`);
    else if (norm(v.definition) !== norm(w.definition)) add('view.definition', key(v), `view ${key(v)} definition differs:\n  ${v.definition}\n  ${w.definition}`);
  }
  return out;
}

function diffTable(
  a: CatalogTable,
  b: CatalogTable,
  add: (kind: string, object: string, message: string, detail?: CatalogDifference['detail']) => void,
  norm: (e: string) => string,
  normDefault: (d: string | null) => string | null,
) {
  const t = `${a.schema}.${a.name}`;
  if (a.comment !== b.comment) add('table.comment', t, `${t} comment ${a.comment} vs ${b.comment}`);
  if (!same(a.options, b.options)) add('table.options', t, `${t} options ${JSON.stringify(a.options)} vs ${JSON.stringify(b.options)}`);
  const colsB = new Map(b.columns.map((c) => [c.name, c]));
  if (!same(a.columns.map((c) => c.name), b.columns.map((c) => c.name))) add('column.order', t, `${t} columns ${a.columns.map((c) => c.name).join(',')} vs ${b.columns.map((c) => c.name).join(',')}`);
  for (const c of a.columns) {
    const d = colsB.get(c.name);
    if (!d) continue;
    const at = `${t}.${c.name}`;
    if (c.type !== d.type) add('column.type', at, `${at} type ${c.type} vs ${d.type}`);
    if (c.nullable !== d.nullable) add('column.nullable', at, `${at} nullable ${c.nullable} vs ${d.nullable}`);
    if (c.identity !== d.identity || normDefault(c.default) !== normDefault(d.default)) {
      add('column.default', at, `${at} default ${c.default ?? 'none'}${c.identity ? ` identity ${c.identity}` : ''} vs ${d.default ?? 'none'}${d.identity ? ` identity ${d.identity}` : ''}`);
    }
    if (!same(c.generated && { ...c.generated, expression: norm(c.generated.expression) }, d.generated && { ...d.generated, expression: norm(d.generated.expression) })) {
      add('column.generated', at, `${at} generated ${JSON.stringify(c.generated)} vs ${JSON.stringify(d.generated)}`);
    }
    if (c.onUpdate !== d.onUpdate) add('column.on-update', at, `${at} on update ${c.onUpdate} vs ${d.onUpdate}`);
    if (c.collation !== d.collation) add('column.collation', at, `${at} collation ${c.collation} vs ${d.collation}`);
    if ((c.charset ?? null) !== (d.charset ?? null)) add('column.charset', at, `${at} character set ${c.charset} vs ${d.charset}`);
    if ((c.invisible ?? false) !== (d.invisible ?? false)) add('column.invisible', at, `${at} invisible ${c.invisible} vs ${d.invisible}`);
    if (c.comment !== d.comment) add('column.comment', at, `${at} comment ${c.comment} vs ${d.comment}`);
  }
  if (!same(a.primaryKey, b.primaryKey)) add('primary-key', t, `${t} primary key ${JSON.stringify(a.primaryKey)} vs ${JSON.stringify(b.primaryKey)}`);
  const sortBy = <T>(xs: T[], k: (x: T) => string) => [...xs].sort((x, y) => k(x).localeCompare(k(y)));
  if (!same(sortBy(a.uniques, (u) => u.name), sortBy(b.uniques, (u) => u.name))) add('unique', t, `${t} uniques ${JSON.stringify(a.uniques)} vs ${JSON.stringify(b.uniques)}`);
  const checks = (x: CatalogTable) => sortBy(x.checks.map((c) => ({ name: c.name, expression: norm(c.expression), enforced: c.enforced ?? true })), (c) => c.name);
  if (!same(checks(a), checks(b))) add('check', t, `${t} checks ${JSON.stringify(checks(a))} vs ${JSON.stringify(checks(b))}`);
  const fks = (x: CatalogTable) => sortBy(x.foreignKeys.map((f) => ({ ...f, comment: null })), (f) => f.name);
  const fa = fks(a);
  const fb = new Map(fks(b).map((f) => [f.name, f]));
  for (const f of fa) {
    const g = fb.get(f.name);
    if (!g) add('foreign-key.missing', t, `${t} foreign key ${f.name} (${f.columns.join(',')}) -> ${f.refTable} is missing`);
    else if (!same(f, g)) add('foreign-key', t, `${t} foreign key ${f.name} ${JSON.stringify(f)} vs ${JSON.stringify(g)}`, { original: f, regenerated: g });
    fb.delete(f.name);
  }
  for (const g of fb.values()) add('foreign-key.extra', t, `${t} foreign key ${g.name} exists only in the regenerated schema`);
  const ixB = new Map(b.indexes.filter((i) => !i.constraint).map((i) => [i.name, i]));
  for (const ix of a.indexes.filter((i) => !i.constraint)) {
    const jx = ixB.get(ix.name);
    if (!jx) add('index.missing', t, `${t} index ${ix.name} is missing`);
    else if (!same(indexShape(ix, norm), indexShape(jx, norm))) add('index', t, `${t} index ${ix.name} ${JSON.stringify(indexShape(ix, norm))} vs ${JSON.stringify(indexShape(jx, norm))}`);
    ixB.delete(ix.name);
  }
  for (const jx of ixB.values()) add('index.extra', t, `${t} index ${jx.name} exists only in the regenerated schema`);
  if (!same(a.partitioning, b.partitioning)) add('partitioning', t, `${t} partitioning ${JSON.stringify(a.partitioning)} vs ${JSON.stringify(b.partitioning)}`);
}
