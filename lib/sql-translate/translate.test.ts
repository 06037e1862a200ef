/**
 * The translator's text, table-driven, both ways; and what stays untranslated says why. What the
 * translations mean on the engines is proven in lib/server/testing/ddl-translate.engines.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dialectSpec } from '../dialects/dialects';
import type { Dialect, LogicalTypeName } from '../model/document';
import { loadSqlParsers } from '../sql-parse/load';
import type { SqlParsers } from '../sql-parse/types';
import { translateExpression, translateQuery, type WriteEnv } from './translate';

let parsers: SqlParsers;
beforeAll(async () => {
  parsers = await loadSqlParsers();
});

const TYPES: Record<string, LogicalTypeName> = { qty: 'integer', price: 'decimal', name: 'varchar', Title: 'varchar', active: 'boolean', d: 'date', j: 'jsonb' };

function env(from: Dialect): WriteEnv {
  const to: Dialect = from === 'postgres' ? 'mysql' : 'postgres';
  const spec = dialectSpec(to);
  return {
    from,
    spec,
    caps: spec.capabilities(spec.defaultTarget),
    column: (n) => {
      const k = Object.keys(TYPES).find((x) => x.toLowerCase() === n.toLowerCase());
      return k ? { name: k, type: TYPES[k] } : undefined;
    },
    relation: (_schema, name) => (name === 'missing' ? undefined : { sql: spec.quoteIdentifier(name), columns: Object.entries(TYPES).map(([c, type]) => ({ name: c, type })) }),
  };
}

const run = (from: Dialect, text: string) => {
  const r = /^\s*select\b/i.test(text) ? translateQuery(text, parsers, env(from)) : translateExpression(text, parsers, env(from));
  return r.ok ? r.text : `! ${r.reason}`;
};

describe('PostgreSQL -> MySQL', () => {
  it.each([
    ['now()', 'CURRENT_TIMESTAMP'],
    ['LOCALTIMESTAMP(3)', 'LOCALTIMESTAMP(3)'],
    ['gen_random_uuid()', 'UUID()'],
    ["'{}'::jsonb", "'{}'"],
    ['qty::text', 'CAST(`qty` AS CHAR)'],
    ['price::numeric(10,2)', 'CAST(`price` AS DECIMAL(10, 2))'],
    ["name || '-' || qty::text", "CONCAT(`name`, '-', CAST(`qty` AS CHAR))"],
    ["name ILIKE 'a%'", "LOWER(`name`) LIKE LOWER('a%')"],
    ['active = true', '`active` = 1'],
    ["coalesce(name, 'x')", "COALESCE(`name`, 'x')"],
    ['length(name) > 3', 'CHAR_LENGTH(`name`) > 3'],
    ['qty / 2', '`qty` DIV 2'],
    ['price / 2', '`price` / 2'],
    ['d + 7', '`d` + INTERVAL 7 DAY'],
    ["now() - interval '1 day'", 'CURRENT_TIMESTAMP - INTERVAL 1 DAY'],
    ['(qty + 1) * -qty', '(`qty` + 1) * -`qty`'],
    ['NOT (active AND qty > 0)', 'NOT (`active` AND `qty` > 0)'],
    ['qty IS NOT NULL AND qty NOT IN (1, 2)', '`qty` IS NOT NULL AND `qty` NOT IN (1, 2)'],
    ["'it''s'", "'it''s'"],
    ['EXTRACT(YEAR FROM d)', 'EXTRACT(YEAR FROM `d`)'],
    ["date_part('month', d)", 'EXTRACT(MONTH FROM `d`)'],
    ['trim(name)', 'TRIM(`name`)'],
    ["trim(both 'x' from name)", '! BTRIM(...)'],
    // Untranslated, with the reason the warning shows.
    ['uuidv7()', '! function uuidv7()'],
    ["j || '{}'", '! || without a text operand (jsonb or array concatenation?)'],
    ['greatest(qty, 1)', '! GREATEST (NULL handling differs)'],
    ['qty / abs(qty)', '! a division of operands of unknown type'],
    ["name ~ 'x'", '! operator ~'],
    ['x::regclass', '! a cast to regclass'],
  ])('%s -> %s', (input, output) => expect(run('postgres', input)).toBe(output));

  it('translates a view body, relations and names for the target', () => {
    expect(run('postgres', "SELECT c.name, count(*) AS n FROM public.t AS c LEFT JOIN u ON c.qty = u.qty WHERE c.name ILIKE 'x' GROUP BY c.name ORDER BY n DESC LIMIT 3")).toBe(
      'SELECT `c`.`name`, COUNT(*) AS `n`\nFROM `t` AS `c` LEFT JOIN `u` ON `c`.`qty` = `u`.`qty`\nWHERE LOWER(`c`.`name`) LIKE LOWER(\'x\')\nGROUP BY `c`.`name`\nORDER BY `n` DESC\nLIMIT 3',
    );
    expect(run('postgres', "SELECT string_agg(name, ', ' ORDER BY name) FROM t")).toBe("SELECT GROUP_CONCAT(`name` ORDER BY `name` SEPARATOR ', ') AS `string_agg`\nFROM `t`");
    expect(run('postgres', 'SELECT 1 FROM missing')).toBe('! the relation missing');
    expect(run('postgres', 'SELECT row_number() OVER () FROM t')).toBe('! window function row_number()');
  });
});

describe('MySQL -> PostgreSQL', () => {
  it.each([
    ['NOW()', 'CURRENT_TIMESTAMP'],
    ['CURDATE()', 'CURRENT_DATE'],
    ['uuid()', 'gen_random_uuid()'],
    ['CAST(qty AS CHAR)', '"qty"::text'],
    ['CAST(price AS DECIMAL(10,2))', '"price"::numeric(10,2)'],
    ["CONCAT(name, '-', qty)", `"name" || '-' || "qty"::text`],
    ["IFNULL(name, 'x')", `coalesce("name", 'x')`],
    ['LENGTH(title)', 'octet_length("Title")'],
    ['active = 1', '"active" = true'],
    ['active IN (0, 1)', '"active" IN (false, true)'],
    ['qty / 2', '"qty"::numeric / 2'],
    ['qty DIV 2', '"qty" / 2'],
    ['DATE_ADD(d, INTERVAL qty DAY)', `"d" + ("qty" * INTERVAL '1 day')`],
    ["IF(qty, 'y', 'n')", `CASE WHEN "qty" <> 0 THEN 'y' ELSE 'n' END`],
    ["_utf8mb4'x'", "'x'"],
    ['YEAR(d)', 'EXTRACT(YEAR FROM "d")'],
    ['TRIM(name)', 'trim("name")'],
    ['a || b', '! operator ||'],
    ["'a\\'b'", '! a string with backslash escapes'],
    ['JSON_VALID(j)', '! function JSON_VALID()'],
    ['IF(name, 1, 2)', '! a condition that is not a comparison (its type is unknown)'],
  ])('%s -> %s', (input, output) => expect(run('mysql', input)).toBe(output));

  it('translates a view body: GROUP_CONCAT, IF, LIMIT offset, count', () => {
    expect(run('mysql', "SELECT GROUP_CONCAT(DISTINCT name ORDER BY name SEPARATOR ', ') AS names, IF(active, 'y', 'n') AS state FROM sakila.t LIMIT 2, 5")).toBe(
      `SELECT string_agg(DISTINCT "name", ', ' ORDER BY "name") AS "names", CASE WHEN "active" THEN 'y' ELSE 'n' END AS "state"\nFROM "t"\nLIMIT 5 OFFSET 2`,
    );
  });
});
