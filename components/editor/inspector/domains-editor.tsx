'use client';
import { useId, useMemo } from 'react';
import type { Domain } from '@/lib/model/document';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { DefaultEditor } from './default-editor';
import { ErrorLine, ItemCard, Muted } from './inspector-parts';
import { CheckCard } from './check-card';
import { formatColumnType, typeSuggestions } from '@/lib/dialects/type-text';
import { useCommandRunner } from './use-command';
import { addDomainCheckCommand, addDomainCommand, removeDomainCheckCommand, updateDomainCheckCommand } from '@/lib/model/commands/helpers/view-domain-edits';
import { parseDomainBaseType } from './view-domain-plans';

/**
 * The document's domains: a named scalar type with nullability, a default and checks. Removing a
 * domain in use retypes its columns to the base type; the store reports each retyped column.
 */
export function DomainsEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const domains = useEditor((s) => s.doc.domains);
  const schemas = useEditor((s) => s.doc.schemas);
  const dialect = useEditor((s) => s.doc.settings.dialect);
  const store = useEditorStore();
  const { run, error, clearError } = useCommandRunner();
  const listId = useId();
  // Base types are built-in only: the suggestions without the user's enums and domains.
  const suggestions = useMemo(() => typeSuggestions({ enums: {}, domains: {} }, dialect), [dialect]);
  const list = Object.values(domains);
  const schemaOptions = [{ value: '', label: '(default schema)' }, ...Object.values(schemas).map((s) => ({ value: s.id, label: s.name }))];
  const update = (d: Domain, changes: Partial<Omit<Domain, 'id'>>) => run({ type: 'domain.update', domainId: d.id, changes });
  return (
    <Section
      title="Domains"
      count={list.length}
      defaultOpen={defaultOpen}
      actions={<Button onClick={() => run(addDomainCommand(store.getState().doc))}>+ Domain</Button>}
    >
      <ErrorLine error={error} onDismiss={clearError} />
      {list.length === 0 && <Muted>No domains. A domain is CREATE DOMAIN in PostgreSQL; MySQL inlines its base type, default and checks.</Muted>}
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {list.map((d) => (
        <ItemCard key={d.id} label={`Domain ${d.name}`}>
          <div className="flex items-end gap-1">
            <CommitTextField className="flex-1" label="Domain name" value={d.name} onCommit={(t) => (t.trim() ? update(d, { name: t.trim() }) : 'A name is required')} />
            <IconButton label={`Remove domain ${d.name}`} onClick={() => run({ type: 'domain.remove', domainId: d.id })}>
              ✕
            </IconButton>
          </div>
          {Object.keys(schemas).length > 0 && (
            <SelectField label="Domain schema" value={d.schemaId ?? ''} options={schemaOptions} onValueChange={(s) => update(d, { schemaId: s || undefined })} />
          )}
          <CommitTextField
            label="Domain base type"
            monospace
            list={listId}
            value={formatColumnType(d.type, undefined, { enums: {}, domains: {} }, dialect)}
            onCommit={(text) => {
              const parsed = parseDomainBaseType(text, store.getState().doc);
              return parsed.ok ? update(d, { type: parsed.type }) : parsed.error;
            }}
          />
          <CheckboxField label="Domain nullable" checked={d.nullable} onCheckedChange={(nullable) => update(d, { nullable })} />
          <DefaultEditor label="Domain default" value={d.default} type={d.type} onChange={(value) => update(d, { default: value })} />
          <div className="flex items-center justify-between">
            <span className="text-[11px] font-medium text-slate-600 dark:text-slate-400">Checks ({d.checks.length})</span>
            <Button onClick={() => run(addDomainCheckCommand(d))}>+ Domain check</Button>
          </div>
          {d.checks.map((c, i) => (
            <CheckCard
              key={c.id}
              check={c}
              index={i}
              labelPrefix="Domain check"
              namePlaceholder="(unnamed)"
              hint="Refer to the value as VALUE, e.g. VALUE <> ''"
              expressionPlaceholder="VALUE <> ''"
              onRename={(name) => run(updateDomainCheckCommand(d, c.id, { name: name ?? '' }))}
              onRemove={() => run(removeDomainCheckCommand(d, c.id))}
              onExpression={(expression) => run(updateDomainCheckCommand(d, c.id, { expression }))}
            />
          ))}
          <CommitTextField
            label="Domain comment"
            multiline
            rows={2}
            value={d.comment ?? ''}
            onCommit={(text) => update(d, { comment: text.trim() || undefined })}
          />
        </ItemCard>
      ))}
    </Section>
  );
}
