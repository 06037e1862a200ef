import { describe, expect, it } from 'vitest';
import { commandsFixture } from './commands/test-fixture';
import { emptyDocument } from './empty';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_VERSION } from './document';
import { kitchenSinkBeforeVersion3, kitchenSinkDocument } from './fixtures/kitchen-sink';
import { applyCommand } from './commands/apply';
import { isCurrentDocumentText, loadDocument, migrateDocument, MIGRATION_STEPS, storedVersionOf, upgradeTableRecords, type MigrationStep } from './migrate';

/** The kitchen sink as Draftbase 0.1 (document version 1) wrote it: `sensitive: true` on five columns. */
const KITCHEN_SINK_V1 = readFileSync(path.join(__dirname, 'fixtures', 'kitchen-sink.v1.json'), 'utf8');

describe('migrateDocument / loadDocument', () => {
  it('a current document passes through untouched (same object) and loads', () => {
    const doc = commandsFixture();
    const migrated = migrateDocument(doc);
    expect(migrated).toEqual({ ok: true, document: doc, fromVersion: DOCUMENT_VERSION, applied: [] });
    expect(migrated.ok && migrated.document).toBe(doc);
    expect(loadDocument(doc)).toEqual({ ok: true, document: doc });
  });

  it('a newer document gets the clear "newer" error from parseDocument', () => {
    expect(loadDocument({ ...emptyDocument(), version: 5 })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'this document has version 5, newer than this Draftbase reads (4); upgrade Draftbase to open it' }],
    });
  });

  it('version 1 -> 2 -> 3: a stored v1 document loads with "sensitive" columns classified confidential and empty extensions and sequences, nothing else changed', () => {
    const v1 = JSON.parse(KITCHEN_SINK_V1);
    const migrated = migrateDocument(v1);
    expect(migrated.ok && migrated.applied).toEqual([`version 1 -> 2: ${MIGRATION_STEPS[0].description}`, `version 2 -> 3: ${MIGRATION_STEPS[1].description}`, `version 3 -> 4: ${MIGRATION_STEPS[2].description}`]);
    const loaded = loadDocument(v1);
    expect(loaded.ok).toBe(true);
    // The current kitchen sink is the same design written at version 3, plus what version 3 added.
    expect(loaded.ok && loaded.document).toEqual(kitchenSinkBeforeVersion3());
    expect(loaded.ok && [loaded.document.extensions, loaded.document.sequences]).toEqual([{}, {}]);
    const classified = loaded.ok ? Object.values(loaded.document.tables).flatMap((t) => t.columns.filter((c) => c.classification).map((c) => `${t.name}.${c.name}:${c.classification}`)) : [];
    expect(classified.sort()).toEqual(['customers.email:confidential', 'customers.full_name:confidential', 'employees.name:confidential', 'employees.salary:confidential']);
    expect(JSON.stringify(loaded.ok && loaded.document)).not.toContain('"sensitive"');
    expect(JSON.parse(KITCHEN_SINK_V1)).toEqual(v1); // input untouched
  });

  it('version 2 -> 3: a v2 document gains empty extensions and sequences and keeps everything else', () => {
    const { extensions: _x, sequences: _s, ...rest } = kitchenSinkBeforeVersion3();
    void _x; void _s;
    const v2 = { ...rest, version: 2 };
    const loaded = loadDocument(v2);
    expect(loaded.ok && loaded.document).toEqual({ ...rest, version: DOCUMENT_VERSION, extensions: {}, sequences: {} });
    expect(v2).not.toHaveProperty('extensions'); // input untouched
  });

  it('sensitive: false and unclassified columns carry no classification after the upgrade', () => {
    const v1 = JSON.parse(KITCHEN_SINK_V1);
    const first = Object.values(v1.tables as Record<string, { columns: Record<string, unknown>[] }>)[0];
    first.columns[0].sensitive = false;
    const loaded = loadDocument(v1);
    expect(loaded.ok && Object.values(loaded.document.tables)[0].columns[0]).not.toHaveProperty('classification');
    expect(loaded.ok && Object.values(loaded.document.tables)[0].columns[0]).not.toHaveProperty('sensitive');
  });

  it('reads the declared version of stored text without parsing it', () => {
    expect(storedVersionOf(KITCHEN_SINK_V1)).toBe(1);
    expect(storedVersionOf(JSON.stringify(kitchenSinkDocument()))).toBe(DOCUMENT_VERSION);
    expect(isCurrentDocumentText(JSON.stringify(kitchenSinkDocument()))).toBe(true);
    expect(isCurrentDocumentText(KITCHEN_SINK_V1)).toBe(false);
    expect(storedVersionOf('{"version":2,"format":"draftbase"}')).toBeUndefined();
    expect(storedVersionOf('not json')).toBeUndefined();
  });

  it('a version with no upgrade path is refused, naming it', () => {
    expect(loadDocument({ ...emptyDocument(), version: 0 })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'documents of version 0 cannot be upgraded: this Draftbase reads versions 1 to 4' }],
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
    const r = migrateDocument(old, [...steps, ...MIGRATION_STEPS]);
    expect(old).toEqual(snapshot);
    expect(r.ok && r.applied).toEqual(['version -1 -> 0: tables keyed by id', 'version 0 -> 1: settings.dialect', `version 1 -> 2: ${MIGRATION_STEPS[0].description}`, `version 2 -> 3: ${MIGRATION_STEPS[1].description}`, `version 3 -> 4: ${MIGRATION_STEPS[2].description}`]);
    expect(loadDocument(old, [...steps, ...MIGRATION_STEPS])).toEqual({ ok: true, document: emptyDocument('mysql') });
  });

  it('a step that forgets to bump the version is caught', () => {
    const steps: MigrationStep[] = [{ from: 0, description: 'broken', migrate: (raw) => ({ ...raw }) }];
    expect(migrateDocument({ ...emptyDocument(), version: 0 }, steps)).toEqual({
      ok: false, issues: [{ path: 'version', message: 'upgrade step from version 0 produced version 0 instead of 1' }],
    });
  });

  it('document.replace with a version-1 document replaces with the upgraded one (one undoable step)', () => {
    const start = emptyDocument();
    const { doc } = applyCommand(start, { type: 'document.replace', document: JSON.parse(KITCHEN_SINK_V1) });
    expect(doc).toEqual(kitchenSinkBeforeVersion3());
  });

  it('tables copied by an older build (the clipboard) go through the same steps; a newer clip is refused', () => {
    const v1 = JSON.parse(KITCHEN_SINK_V1);
    const tables = upgradeTableRecords(Object.values(v1.tables), 1) as Array<{ name: string; columns: Array<{ name: string; classification?: string }> }>;
    const employees = tables.find((t) => t.name === 'employees')!;
    expect(employees.columns.find((c) => c.name === 'salary')?.classification).toBe('confidential');
    expect(upgradeTableRecords(Object.values(v1.tables), DOCUMENT_VERSION + 1)).toBeUndefined();
  });
});
