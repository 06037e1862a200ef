/**
 * Pure plans behind the Views and Domains sections: the commands their buttons dispatch and the
 * parsing of their fields. Kept out of the components so they are tested in Node.
 */
import type { CheckConstraint, Domain, SchemaDocument, ScalarType, View } from '@/lib/model/document';
import { newId, type IdFactory } from '@/lib/model/ids';
import type { Command } from '@/lib/model/commands/types';
import { parseTypeText } from '@/lib/dialects/type-text';

/** `base_1`, `base_2`... the first not in `taken` (compared case-insensitively, as MySQL does). */
export function numberedName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = `${base}_${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A new view `view_N` in the default schema with a trivial body in the document's dialect. */
export function addViewCommand(doc: SchemaDocument, ids: IdFactory = newId): Command {
  // Views share the relation namespace with tables: a name free of both.
  const taken = [...Object.values(doc.tables).map((t) => t.name), ...Object.values(doc.views).map((v) => v.name)];
  const view: View = { id: ids('viw'), name: numberedName('view', taken), sql: 'SELECT 1', dialect: doc.settings.dialect, materialized: false };
  return { type: 'view.add', view };
}

/** A new nullable text domain `domain_N` without default or checks. */
export function addDomainCommand(doc: SchemaDocument, ids: IdFactory = newId): Command {
  // Domains share the type namespace with enums.
  const taken = [...Object.values(doc.enums).map((e) => e.name), ...Object.values(doc.domains).map((d) => d.name)];
  const domain: Domain = {
    id: ids('dom'), name: numberedName('domain', taken), type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' }, checks: [],
  };
  return { type: 'domain.add', domain };
}

/** A domain's base type from the picker text: a scalar type only (no enum, no other domain, no array). */
export function parseDomainBaseType(text: string, doc: Pick<SchemaDocument, 'settings' | 'enums' | 'domains'>): { ok: true; type: ScalarType } | { ok: false; error: string } {
  const trimmed = text.trim();
  const isUserType = [...Object.values(doc.enums), ...Object.values(doc.domains)].some((t) => t.name === trimmed);
  if (isUserType) return { ok: false, error: `"${trimmed}" is an enum or domain; a domain's base type must be a built-in type` };
  const parsed = parseTypeText(text, { dialect: doc.settings.dialect });
  if (!parsed.ok) return parsed;
  if (parsed.value.arrayDims > 0) return { ok: false, error: 'A domain over an array type is not supported' };
  if (parsed.value.type.kind !== 'scalar') return { ok: false, error: "A domain's base type must be a built-in type" };
  return { ok: true, type: parsed.value.type };
}

/** The domain.update that appends a named check `<domain>_check[_N]` with a placeholder expression. */
export function addDomainCheckCommand(domain: Domain, ids: IdFactory = newId): Command {
  const taken = domain.checks.map((c) => c.name ?? '');
  const base = `${domain.name}_check`;
  const name = taken.some((n) => n.toLowerCase() === base.toLowerCase()) ? numberedName(base, taken) : base;
  return { type: 'domain.update', domainId: domain.id, changes: { checks: [...domain.checks, { id: ids('chk'), name, expression: 'VALUE IS NOT NULL' }] } };
}

/** The domain.update that changes one check (a blank name removes the name). */
export function updateDomainCheckCommand(domain: Domain, checkId: string, changes: { name?: string; expression?: string }): Command {
  const checks = domain.checks.map((c): CheckConstraint => {
    if (c.id !== checkId) return c;
    const next: CheckConstraint = { ...c };
    if (changes.expression !== undefined) next.expression = changes.expression;
    if (changes.name !== undefined) {
      if (changes.name.trim()) next.name = changes.name.trim();
      else delete next.name;
    }
    return next;
  });
  return { type: 'domain.update', domainId: domain.id, changes: { checks } };
}

export function removeDomainCheckCommand(domain: Domain, checkId: string): Command {
  return { type: 'domain.update', domainId: domain.id, changes: { checks: domain.checks.filter((c) => c.id !== checkId) } };
}
