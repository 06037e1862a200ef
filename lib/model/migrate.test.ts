import { describe, expect, it } from 'vitest';
import { commandsFixture } from './commands/test-fixture';
import { emptyDocument } from './empty';
import { loadDocument, migrateDocument, type MigrationStep } from './migrate';

describe('migrateDocument / loadDocument', () => {
  it('a version 1 document passes through untouched (same object) and loads', () => {
    const doc = commandsFixture();
    const migrated = migrateDocument(doc);
    expect(migrated).toEqual({ ok: true, document: doc, fromVersion: 1, applied: [] });
    expect(migrated.ok && migrated.document).toBe(doc);
    expect(loadDocument(doc)).toEqual({ ok: true, document: doc });
  });

  it('a version 2 document gets the clear "newer" error from parseDocument', () => {
    expect(loadDocument({ ...emptyDocument(), version: 2 })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'this document has version 2, newer than this Draftbase reads (1); upgrade Draftbase to open it' }],
    });
  });

  it('a version with no upgrade path is refused, naming it', () => {
    expect(loadDocument({ ...emptyDocument(), version: 0 })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'documents of version 0 cannot be upgraded: this Draftbase reads versions 1 to 1' }],
    });
  });

  it('no version at all is left to parseDocument, which names the field', () => {
    const { version: _v, ...raw } = emptyDocument();
    void _v;
    const r = loadDocument(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['version']);
  });

  it('steps chain in order, never mutate their input, and are reported', () => {
    // A pretend history: v-1 had `tableList` (an array), v0 renamed `dialect` to `settings.dialect`.
    const steps: MigrationStep[] = [
      {
        from: -1,
        description: 'tables keyed by id',
        migrate: ({ tableList, ...rest }) => ({ ...rest, version: 0, tables: Object.fromEntries((tableList as { id: string }[]).map((t) => [t.id, t])) }),
      },
      {
        from: 0,
        description: 'settings.dialect',
        migrate: ({ dialect, ...rest }) => ({ ...rest, version: 1, settings: { dialect } }),
      },
    ];
    const { tables: _t, settings: _s, ...base } = emptyDocument();
    void _t; void _s;
    const old = { ...base, version: -1, dialect: 'mysql', tableList: [] as unknown[] };
    const snapshot = structuredClone(old);
    const r = migrateDocument(old, steps);
    expect(old).toEqual(snapshot);
    expect(r.ok && r.applied).toEqual(['version -1 -> 0: tables keyed by id', 'version 0 -> 1: settings.dialect']);
    expect(loadDocument(old, steps)).toEqual({ ok: true, document: emptyDocument('mysql') });
  });

  it('a step that forgets to bump the version is caught', () => {
    const steps: MigrationStep[] = [{ from: 0, description: 'broken', migrate: (raw) => ({ ...raw }) }];
    expect(migrateDocument({ ...emptyDocument(), version: 0 }, steps)).toEqual({
      ok: false, issues: [{ path: 'version', message: 'upgrade step from version 0 produced version 0 instead of 1' }],
    });
  });
});
