/** Schemas (PostgreSQL namespaces / MySQL databases), enums (CREATE TYPE) and domains. */
import type { EnumType } from '../model/document';
import { resolveColumnType } from './column-sql';
import type { DdlContext } from './context';
import { sequenceDefaultSql } from './sequence-sql';
import type { PlannedStatement } from './planned-statement';
import { schemaNeeds } from './statement-needs';

export function schemaStatements(ctx: DdlContext): PlannedStatement[] {
  const schemas = Object.values(ctx.doc.schemas);
  if (!schemas.length) return [];
  const out: PlannedStatement[] = [];
  if (ctx.caps.schemas === 'none') {
    ctx.diag('info', `${ctx.dialect}.schema-dropped`, `${ctx.spec.label} has no schemas: ${schemas.map((s) => `"${s.name}"`).join(', ')} ${schemas.length === 1 ? 'is' : 'are'} left out and every table, view and index keeps its own name in the one database (two of one name in different schemas collide)`);
    return out;
  }
  if (ctx.caps.schemas === 'databases' && !ctx.options.schemaQualified) {
    ctx.diag('info', `${ctx.dialect}.schema-flattened`, `${ctx.spec.label} schemas are databases: ${schemas.map((s) => `"${s.name}"`).join(', ')} are flattened into the current database (use the schema-qualified option to keep them as databases)`);
    return out;
  }
  for (const s of schemas) {
    const path = `schemas.${s.id}`;
    ctx.checkIdentifier(s.name, 'schema', s.id, `${path}.name`);
    if (ctx.caps.schemas === 'namespaces') {
      out.push({ sql: `CREATE SCHEMA IF NOT EXISTS ${ctx.q(s.name)}`, path });
      if (s.comment) out.push({ sql: `COMMENT ON SCHEMA ${ctx.q(s.name)} IS ${ctx.str(s.comment)}`, needs: [path] });
    } else {
      out.push({ sql: `CREATE DATABASE IF NOT EXISTS ${ctx.q(s.name)} CHARACTER SET utf8mb4`, path });
      if (s.comment) ctx.diag('info', `${ctx.dialect}.comment-dropped`, `schema "${s.name}": comment left out (MySQL databases have no comments)`, s.id);
    }
  }
  return out;
}

export function typeStatements(ctx: DdlContext): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  for (const e of Object.values(ctx.doc.enums)) {
    const path = `enums.${e.id}`;
    checkEnumValues(ctx, e);
    if (ctx.caps.enumStrategy === 'create-type') {
      ctx.checkIdentifier(e.name, 'enum', e.id, `${path}.name`);
      out.push({ sql: `CREATE TYPE ${ctx.qualified(e)} AS ENUM (${e.values.map((v) => ctx.str(v)).join(', ')})`, path, needs: schemaNeeds(ctx, e.schemaId) });
      if (e.comment) out.push({ sql: `COMMENT ON TYPE ${ctx.qualified(e)} IS ${ctx.str(e.comment)}`, needs: [path] });
    } else if (e.comment) {
      const kind = ctx.caps.enumStrategy === 'check' ? 'CHECK constraints on text columns' : 'inline column types';
      ctx.diag('info', `${ctx.dialect}.comment-dropped`, `enum "${e.name}": ${ctx.spec.label} enums are ${kind}; its comment is left out`, e.id, path);
    }
  }
  if (!ctx.caps.domains) return out;
  for (const d of Object.values(ctx.doc.domains)) {
    const path = `domains.${d.id}`;
    ctx.checkIdentifier(d.name, 'domain', d.id, `${path}.name`);
    const type = resolveColumnType(ctx, { id: d.id, name: d.name, columns: [], uniques: [], checks: [], indexes: [] }, { id: d.id, name: d.name, type: d.type, nullable: d.nullable, default: d.default }, 0);
    const parts = [`CREATE DOMAIN ${ctx.qualified(d)} AS ${type.sql}`];
    if (d.default.kind === 'literal') parts.push(`DEFAULT ${d.default.value === null ? 'NULL' : typeof d.default.value === 'string' ? ctx.str(d.default.value) : String(d.default.value)}`);
    else if (d.default.kind === 'expression') {
      ctx.copiedVerbatim(d.id, 'default', () => `default of domain ${d.name}`);
      parts.push(`DEFAULT ${d.default.sql}`);
    }
    else if (d.default.kind === 'builtin') parts.push(`DEFAULT ${ctx.spec.builtinDefault(d.default.name, { temporalColumn: type.temporal, fsp: type.fsp })}`);
    else if (d.default.kind === 'sequence') {
      const next = sequenceDefaultSql(ctx, d.default.sequenceId);
      if (next) parts.push(`DEFAULT ${next}`);
    }
    if (!d.nullable) parts.push('NOT NULL');
    d.checks.forEach((c, i) => {
      if (c.name) ctx.checkIdentifier(c.name, 'domain check', c.id, `${path}.checks.${i}.name`);
      if (!c.expression.trim()) {
        ctx.diag('warning', 'check.empty', `check ${c.name ? `"${c.name}"` : i + 1} of domain "${d.name}" has no expression yet: left out`, c.id, `${path}.checks.${i}.expression`);
        return;
      }
      ctx.copiedVerbatim(c.id, 'check', () => `check ${c.name ?? c.expression} of domain ${d.name}`);
      parts.push(`${c.name ? `CONSTRAINT ${ctx.q(c.name)} ` : ''}CHECK (${c.expression})`);
    });
    out.push({ sql: parts.join(' '), path, needs: schemaNeeds(ctx, d.schemaId) });
    if (d.comment) out.push({ sql: `COMMENT ON DOMAIN ${ctx.qualified(d)} IS ${ctx.str(d.comment)}`, needs: [path] });
  }
  return out;
}

/** Enum values both engines reject: duplicates, and (PostgreSQL) labels over 63 bytes. */
function checkEnumValues(ctx: DdlContext, e: EnumType): void {
  const seen = new Set<string>();
  const maxBytes = ctx.spec.enumLabelMaxBytes;
  for (const v of e.values) {
    const key = ctx.spec.enumLabelsFoldCase ? v.toLowerCase() : v;
    if (seen.has(key)) ctx.diag('error', 'enum.duplicate-value', `enum "${e.name}": value "${v}" appears twice`, e.id, `enums.${e.id}.values`);
    seen.add(key);
    if (maxBytes !== undefined && new TextEncoder().encode(v).length > maxBytes) {
      ctx.diag('error', 'postgres.enum-label-too-long', `enum "${e.name}": value "${v.slice(0, 20)}..." is longer than PostgreSQL's 63-byte label limit`, e.id, `enums.${e.id}.values`);
    }
  }
}
