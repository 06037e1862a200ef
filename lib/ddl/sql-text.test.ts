import { describe, expect, it } from 'vitest';
import { mysqlLexer, postgresLexer } from '../sql-lexer';
import { identifiersIn, replaceValueKeyword, trimStatement } from './sql-text';

describe('replaceValueKeyword (domain checks inlined on MySQL)', () => {
  it.each([
    ['VALUE > 0', '`qty` > 0'],
    ["value LIKE '%@%'", "`qty` LIKE '%@%'"],
    ["VALUE <> 'VALUE'", "`qty` <> 'VALUE'"],
    ["VALUE <> 'it''s VALUE'", "`qty` <> 'it''s VALUE'"],
    ['values_count > VALUE', 'values_count > `qty`'],
    ['"VALUE" = VALUE', '"VALUE" = `qty`'],
    ['VALUE > 0 /* VALUE */ -- VALUE', '`qty` > 0 /* VALUE */ -- VALUE'],
    ["E'\\' VALUE' = VALUE", "E'\\' VALUE' = `qty`"],
    ['$$ VALUE $$ = VALUE', '$$ VALUE $$ = `qty`'],
  ])('%s', (input, expected) => {
    expect(replaceValueKeyword(input, '`qty`', postgresLexer)).toBe(expected);
  });
});

describe('identifiersIn', () => {
  it.each([
    ['manager_id IS NULL OR manager_id <> id', postgresLexer, ['manager_id', 'is', 'null', 'or', 'id']],
    ["`Total` >= 0 AND note <> 'id'", mysqlLexer, ['total', 'and', 'note']],
    ['"Mixed Case" > 1', postgresLexer, ['mixed case']],
    ['"a""b" > 1 -- c', postgresLexer, ['a"b']],
    ['"text" <> `x``y` # z', mysqlLexer, ['x`y']],
  ])('%s', (input, lexer, expected) => {
    expect([...identifiersIn(input, lexer)].sort()).toEqual([...expected].sort());
  });
});

describe('trimStatement', () => {
  it('drops trailing semicolons and whitespace only', () => {
    expect(trimStatement('SELECT 1;  \n;\n')).toBe('SELECT 1');
    expect(trimStatement("SELECT ';'")).toBe("SELECT ';'");
  });
});
