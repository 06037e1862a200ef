/**
 * What the Views and Domains sections' buttons do: the commands they dispatch. New views and domains
 * are numbered from 1 (`view_1`); a domain's first named check is `<domain>_check`, then `_1`, `_2`...
 */
import type { CheckConstraint, Domain, SchemaDocument, View } from '../../document';
import { newId, type IdFactory } from '../../ids';
import { firstFreeName } from '../../../naming/unique-names';
import type { Command } from '../types';

const NUMBERED = { bare: false, first: 1 } as const;

/** A new view `view_N` in the default schema with a trivial body in the document's dialect. */
export function addViewCommand(doc: SchemaDocument, ids: IdFactory = newId): Command {
  // Views share the relation namespace with tables: a name free of both.
  const taken = [...Object.values(doc.tables).map((t) => t.name), ...Object.values(doc.views).map((v) => v.name)];
  const view: View = { id: ids('viw'), name: firstFreeName('view', taken, NUMBERED), sql: 'SELECT 1', dialect: doc.settings.dialect, materialized: false };
  return { type: 'view.add', view };
}

/** A new nullable text domain `domain_N` without default or checks. */
export function addDomainCommand(doc: SchemaDocument, ids: IdFactory = newId): Command {
  // Domains share the type namespace with enums.
  const taken = [...Object.values(doc.enums).map((e) => e.name), ...Object.values(doc.domains).map((d) => d.name)];
  const domain: Domain = {
    id: ids('dom'), name: firstFreeName('domain', taken, NUMBERED), type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' }, checks: [],
  };
  return { type: 'domain.add', domain };
}

/** The domain.update that appends a named check `<domain>_check[_N]` with a placeholder expression. */
export function addDomainCheckCommand(domain: Domain, ids: IdFactory = newId): Command {
  const taken = domain.checks.map((c) => c.name ?? '');
  const base = `${domain.name}_check`;
  const name = firstFreeName(base, taken, { first: 1 });
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
