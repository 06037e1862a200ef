/**
 * readSqliteCatalog on schemas SQLite users write by hand and tools write (the shape of a sqlite3
 * `.schema`): implicit parent keys, column-level foreign keys, unnamed constraints, rowid aliases,
 * expression and partial indexes, views, triggers, and a virtual table whose shadow tables are not
 * part of the design. On the embedded engine (@libsql/client): never skipped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readSqliteCatalog } from './catalog';
import { catalogColumn, catalogTable } from '../testing/catalog-types';
import { sqliteSession } from '../testing/sqlite-engine';

const session = sqliteSession();
afterAll(() => session.close());

const SCHEMA = [
  'CREATE TABLE artist (ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120))',
  `CREATE TABLE "album" (
    AlbumId integer primary key autoincrement,
    Title text not null default 'untitled',
    ArtistId integer not null references artist on delete cascade,
    unique (Title, ArtistId)
  )`,
  'CREATE TABLE track (id INTEGER NOT NULL, album_id INT, name TEXT COLLATE NOCASE, ms INT CHECK (ms > 0), PRIMARY KEY (id), FOREIGN KEY (album_id) REFERENCES album (AlbumId) ON UPDATE SET NULL)',
  'CREATE INDEX track_lower_name ON track (lower(name)) WHERE ms IS NOT NULL',
  'CREATE INDEX track_album ON track (album_id DESC, id)',
  'CREATE VIEW long_tracks AS SELECT * FROM track WHERE ms > 600000',
  "CREATE TRIGGER album_touch AFTER UPDATE ON album BEGIN UPDATE album SET Title = Title WHERE AlbumId = NEW.AlbumId AND 0; END",
  'CREATE VIRTUAL TABLE docs USING fts5(body)',
];

describe('readSqliteCatalog on a hand-written schema', () => {
  it('reads tables, keys, foreign keys, indexes, views and triggers as SQLite keeps them', async () => {
    const db = await session.fresh();
    for (const s of SCHEMA) await db.query(s);
    const catalog = await readSqliteCatalog(db.db);
    expect(catalog.tables.map((t) => t.name)).toEqual(['artist', 'album', 'track', 'docs']);
    const album = catalogTable(catalog, 'album');
    expect(album.primaryKey).toEqual({ name: '', columns: ['AlbumId'] });
    expect(catalogColumn(album, 'AlbumId')).toMatchObject({ type: 'INTEGER', nullable: false, identity: 'auto_increment' });
    expect(catalogColumn(album, 'Title')).toMatchObject({ type: 'TEXT', nullable: false, default: "'untitled'" });
    expect(album.uniques).toEqual([{ name: 'sqlite_autoindex_album_1', columns: ['Title', 'ArtistId'], nullsNotDistinct: false }]);
    // REFERENCES artist: the parent's primary key.
    expect(album.foreignKeys).toEqual([{ name: '', columns: ['ArtistId'], refSchema: 'main', refTable: 'artist', refColumns: ['ArtistId'], onDelete: 'cascade', onUpdate: 'no action', deferrable: 'not deferrable', comment: null }]);
    const track = catalogTable(catalog, 'track');
    expect(catalogColumn(track, 'name').collation).toBe('NOCASE');
    expect(track.checks).toEqual([{ name: '', expression: 'ms > 0' }]);
    expect(track.foreignKeys[0]).toMatchObject({ columns: ['album_id'], refColumns: ['AlbumId'], onUpdate: 'set null' });
    expect(track.indexes.find((i) => i.name === 'track_lower_name')).toMatchObject({ unique: false, parts: [{ expression: 'lower(name)', isColumn: false, order: 'asc' }], predicate: 'ms IS NOT NULL' });
    expect(track.indexes.find((i) => i.name === 'track_album')?.parts.map((p) => `${p.expression} ${p.order}`)).toEqual(['album_id desc', 'id asc']);
    expect(catalog.views).toEqual([{ schema: 'main', name: 'long_tracks', materialized: false, definition: 'SELECT * FROM track WHERE ms > 600000', comment: null }]);
    expect(catalog.routines?.map((r) => `${r.kind} ${r.name} on ${r.table}`)).toEqual(['trigger album_touch on album']);
  });

  it('sends nothing but reads: the database is unchanged', async () => {
    const db = await session.fresh();
    for (const s of SCHEMA) await db.query(s);
    const before = await db.query('SELECT type, name, sql FROM sqlite_master ORDER BY name');
    const changes = await db.query<{ n: number }>('SELECT total_changes() AS n');
    await readSqliteCatalog(db.db);
    expect(await db.query('SELECT type, name, sql FROM sqlite_master ORDER BY name')).toEqual(before);
    expect((await db.query<{ n: number }>('SELECT total_changes() AS n'))[0].n).toBe(changes[0].n);
  });
});
