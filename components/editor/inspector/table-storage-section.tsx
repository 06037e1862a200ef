'use client';
/**
 * STRICT and WITHOUT ROWID per table, where the dialect has them (SQLite): kept in the table's
 * options and written by the DDL generator (which leaves WITHOUT ROWID out, with a diagnostic, when
 * the table's key does not allow it). Shown too when a table carries the flags from an import.
 */
import type { Table } from '@/lib/model/document';
import { editorCapabilities } from '@/lib/dialects/dialects';
import { setTableStorageFlag } from '@/lib/model/commands/helpers/table-edits';
import { useEditor } from '@/components/editor/store/editor-store';
import { CheckboxField } from '@/components/ui/checkbox';
import { Section } from '@/components/ui/section';
import type { useCommandRunner } from './use-command';

type Run = ReturnType<typeof useCommandRunner>['run'];

export function TableStorageSection({ table, run }: { table: Table; run: Run }) {
  const dialect = useEditor((s) => s.dialect);
  const caps = editorCapabilities(dialect);
  const flags = table.options?.sqlite;
  if (!caps.strictTables && !caps.withoutRowid && !flags) return null;
  const set = (flag: 'strict' | 'withoutRowid', on: boolean) => {
    const command = setTableStorageFlag(table, flag, on);
    if (command) run(command);
  };
  return (
    <Section title="Table storage" defaultOpen={Boolean(flags)}>
      <CheckboxField
        label="STRICT (column types enforced)"
        hint="SQLite 3.37+: only INT, INTEGER, REAL, TEXT, BLOB and ANY; other declared types are written as their STRICT type."
        checked={flags?.strict ?? false}
        onCheckedChange={(on) => set('strict', on)}
      />
      <CheckboxField
        label="WITHOUT ROWID"
        hint="The primary key is the table's B-tree key: needs a primary key, and suits small rows looked up by key."
        checked={flags?.withoutRowid ?? false}
        onCheckedChange={(on) => set('withoutRowid', on)}
      />
    </Section>
  );
}
