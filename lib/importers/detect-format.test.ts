import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpusFile } from '../server/importers/test-corpus';
import { detectFormat } from './detect-format';
import type { ImportFormat } from './types';

describe('detectFormat', () => {
  it.each<[string, { text?: string; fileNames?: string[] }, ImportFormat]>([
    ['.prisma extension', { fileNames: ['schema.prisma'], text: 'CREATE TABLE x (a int);' }, 'prisma'],
    ['.dbml extension', { fileNames: ['a.dbml'] }, 'dbml'],
    ['.json extension', { fileNames: ['doc.JSON'] }, 'json'],
    ['JSON text', { text: '  {"format":"draftbase","version":1}' }, 'json'],
    ['Prisma text', { text: 'datasource db {\n provider = "postgresql"\n}\nmodel User {\n id Int @id\n}' }, 'prisma'],
    ['DBML text', { text: 'Table users {\n id integer [pk]\n}\nRef: posts.user_id > users.id' }, 'dbml'],
    ['MySQL backticks and ENGINE', { text: 'CREATE TABLE `t` (`id` int unsigned NOT NULL AUTO_INCREMENT) ENGINE=InnoDB;' }, 'mysql'],
    ['PostgreSQL casts and serial', { text: "CREATE TABLE t (id serial PRIMARY KEY, s text DEFAULT 'a'::text);" }, 'postgres'],
    ['plain SQL ties to PostgreSQL', { text: 'CREATE TABLE t (id integer PRIMARY KEY);' }, 'postgres'],
    ['plain SQL with a mysql file name', { text: 'CREATE TABLE t (id integer PRIMARY KEY);', fileNames: ['dump-mysql.sql'] }, 'mysql'],
    ['empty text', { text: '' }, 'postgres'],
    ['SQLite AUTOINCREMENT', { text: 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n TEXT);' }, 'sqlite'],
    ['SQLite WITHOUT ROWID', { text: 'CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;' }, 'sqlite'],
    ['SQLite STRICT', { text: 'CREATE TABLE t (k INT PRIMARY KEY, v TEXT) STRICT;' }, 'sqlite'],
    ['SQLite .dump', { text: 'PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t (id integer primary key);\nCOMMIT;' }, 'sqlite'],
    ['sqlite_sequence', { text: 'CREATE TABLE t (id integer);\nCREATE TABLE sqlite_sequence(name,seq);' }, 'sqlite'],
    ['plain SQL with an sqlite file name', { text: 'CREATE TABLE t (id integer PRIMARY KEY);', fileNames: ['app-sqlite.sql'] }, 'sqlite'],
  ])('%s', (_label, input, expected) => {
    expect(detectFormat(input)).toBe(expected);
  });

  const hasCorpus = corpusAvailable('detectFormat on the corpus');
  const cases: [string, ImportFormat][] = [
    ['postgres/azimutt-structure.sql', 'postgres'],
    ['postgres/chinook-postgresql-schema.sql', 'postgres'],
    ['postgres/guacamole-create-schema.sql', 'postgres'],
    ['postgres/northwind-schema.sql', 'postgres'],
    ['postgres/openstreetmap-structure.sql', 'postgres'],
    ['postgres/pagila-schema-2024-pg12dump.sql', 'postgres'],
    ['postgres/pagila-schema.sql', 'postgres'],
    ['mysql/chinook-mysql-schema.sql', 'mysql'],
    ['mysql/employees-schema.sql', 'mysql'],
    ['mysql/guacamole-create-schema.sql', 'mysql'],
    ['mysql/northwind-mywind.sql', 'mysql'],
    ['mysql/sakila-schema.sql', 'mysql'],
    ['dbml/dokploy-schema.dbml', 'dbml'],
    ['dbml/dariah-unr-schema.dbml', 'dbml'],
    ['dbml/holistics-playground-ecommerce.dbml', 'dbml'],
    ['prisma/documenso-schema.prisma', 'prisma'],
    ['prisma/umami-schema.prisma', 'prisma'],
    ['prisma/hoppscotch-schema.prisma', 'prisma'],
    ['prisma/dariah-unr-schema.prisma', 'prisma'],
    ['prisma/dub-schema-folder/schema.prisma', 'prisma'],
  ];
  it.skipIf(!hasCorpus).each(cases)('recognises %s from its text alone', (file, expected) => {
    expect(detectFormat({ text: readCorpusFile(file) })).toBe(expected);
  });
});
