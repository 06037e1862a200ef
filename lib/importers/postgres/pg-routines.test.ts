import { describe, expect, it } from 'vitest';
import { importPostgres } from './import-postgres';

const SCRIPT = `
SET check_function_bodies = false;
CREATE SCHEMA app;
CREATE TABLE public.actor (id integer PRIMARY KEY, last_update timestamptz);
CREATE TABLE app.gone (id integer);
CREATE FUNCTION public._group_concat(text, text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT CASE WHEN $2 IS NULL THEN $1 ELSE $1 || ', ' || $2 END $_$;
CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text);
CREATE OR REPLACE PROCEDURE app.touch(p integer) LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
CREATE FUNCTION public.last_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.last_update = CURRENT_TIMESTAMP; RETURN NEW; END $$;
CREATE TRIGGER last_updated BEFORE UPDATE ON public.actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER on_gone BEFORE UPDATE ON app.gone FOR EACH ROW EXECUTE FUNCTION public.last_updated();
DROP TABLE app.gone;
CREATE TRIGGER on_nothing BEFORE UPDATE ON public.nowhere FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE OPERATOR public.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);
`;

describe('PostgreSQL routines', () => {
  it('keeps functions, procedures, aggregates and triggers with their exact text, kind, schema and table', async () => {
    const { document: doc, report } = await importPostgres(SCRIPT);
    const routines = Object.values(doc.routines ?? {});
    const actor = Object.values(doc.tables).find((t) => t.name === 'actor')!;
    const app = Object.values(doc.schemas).find((s) => s.name === 'app')!;
    expect(routines.map((r) => [r.kind, r.name, r.schemaId, r.tableId])).toEqual([
      ['function', '_group_concat', undefined, undefined],
      ['aggregate', 'group_concat', undefined, undefined],
      ['procedure', 'touch', app.id, undefined],
      ['function', 'last_updated', undefined, undefined],
      ['trigger', 'last_updated', undefined, actor.id],
    ]);
    expect(routines.every((r) => r.dialect === 'postgres')).toBe(true);
    // Verbatim: from CREATE to the end of the statement, without the semicolon.
    expect(routines[0].sql).toBe(`CREATE FUNCTION public._group_concat(text, text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT CASE WHEN $2 IS NULL THEN $1 ELSE $1 || ', ' || $2 END $_$`);
    expect(routines[4].sql).toBe('CREATE TRIGGER last_updated BEFORE UPDATE ON public.actor FOR EACH ROW EXECUTE FUNCTION public.last_updated()');
    // Kept, not reported; a trigger whose table is gone or unknown, and an operator, are skipped.
    expect(report.skipped.map((s) => s.reason).filter((r) => /trigger|function|aggregate|operator/.test(r))).toEqual([
      expect.stringContaining('trigger "on_gone": its table "gone" is not in the imported schema'),
      expect.stringContaining('trigger on "nowhere"'),
      'operator/type definition (not modeled)',
    ]);
    expect(report.diagnostics.filter((d) => /routine|function|trigger/.test(d.code))).toEqual([]);
  });
});
