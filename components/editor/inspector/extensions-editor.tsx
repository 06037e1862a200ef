'use client';
import { useMemo } from 'react';
import { extensionsNeeded } from '@/lib/ddl/extension-needs';
import { addExtensionCommand } from '@/lib/model/commands/helpers/sequence-edits';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, ItemCard, Muted } from './inspector-parts';
import { useCommandRunner } from './use-command';

/**
 * PostgreSQL extensions the schema declares (written first in the DDL, `CREATE EXTENSION IF NOT
 * EXISTS`), and the ones it uses without declaring them, each with a button that declares it.
 */
export function ExtensionsEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const doc = useEditor((s) => s.doc);
  const { run, error, clearError } = useCommandRunner();
  const list = Object.values(doc.extensions);
  const schemas = Object.values(doc.schemas);
  const needed = useMemo(() => [...extensionsNeeded(doc)], [doc]);
  const schemaOptions = [{ value: '', label: 'Default schema' }, ...schemas.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Section
      title="Extensions"
      count={list.length}
      defaultOpen={defaultOpen || needed.length > 0}
      actions={<Button onClick={() => run(addExtensionCommand(firstUndeclared(list.map((x) => x.name))))}>+ Extension</Button>}
    >
      <ErrorLine error={error} onDismiss={clearError} />
      {needed.map(([name, uses]) => (
        <div key={name} className="flex items-center justify-between gap-1 rounded bg-amber-50 px-1.5 py-1 text-[11px] dark:bg-amber-950" data-testid="extension-needed">
          <span>
            Uses <code>{name}</code> ({uses[0].what}{uses.length > 1 ? ` and ${uses.length - 1} more` : ''}) without declaring it.
          </span>
          <Button onClick={() => run(addExtensionCommand(name))}>Declare</Button>
        </div>
      ))}
      {list.length === 0 && needed.length === 0 && <Muted>No extensions. PostgreSQL output creates the declared ones first; MySQL has none.</Muted>}
      {list.map((x) => (
        <ItemCard key={x.id} label={`Extension ${x.name}`}>
          <div className="flex items-end gap-1">
            <CommitTextField
              className="flex-1"
              label="Extension name"
              monospace
              value={x.name}
              onCommit={(t) => (t.trim() ? run({ type: 'extension.update', extensionId: x.id, changes: { name: t.trim() } }) : 'A name is required')}
            />
            <IconButton label={`Remove extension ${x.name}`} onClick={() => run({ type: 'extension.remove', extensionId: x.id })}>
              ✕
            </IconButton>
          </div>
          <div className="grid grid-cols-2 gap-1">
            <SelectField
              label="Schema"
              value={x.schemaId ?? ''}
              options={schemaOptions}
              onValueChange={(v) => run({ type: 'extension.update', extensionId: x.id, changes: { schemaId: v || undefined } })}
            />
            <CommitTextField
              label="Version"
              value={x.version ?? ''}
              placeholder="server default"
              onCommit={(t) => run({ type: 'extension.update', extensionId: x.id, changes: { version: t.trim() || undefined } })}
            />
          </div>
        </ItemCard>
      ))}
    </Section>
  );
}

/** A placeholder name for a new extension, to be renamed: `extension`, `extension_2`... */
function firstUndeclared(names: string[]): string {
  let name = 'extension';
  for (let n = 2; names.includes(name); n++) name = `extension_${n}`;
  return name;
}
