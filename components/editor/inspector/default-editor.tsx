'use client';
import { useState } from 'react';
import { builtinDefaultNames, type ColumnType } from '@/lib/model/document';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import {
  builtinDefaultLabels, defaultFormKindLabels, defaultFormKinds, defaultToForm, formToDefault, type DefaultFormKind,
} from './default-value';
import type { DefaultValue } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';

export interface DefaultEditorProps {
  /** The stored default and the type it is for (a column's, or a domain's base type). */
  value: DefaultValue;
  type: ColumnType;
  /** The select's label; the value inputs are labelled `<label> value` / `expression` / `function`. */
  label?: string;
  onChange: (value: DefaultValue) => string | void;
}

/**
 * Default value: a kind select (none / NULL / literal / expression / portable function / the next
 * value of a sequence) and the matching input. Choosing literal or expression waits for the text before dispatching, so the model
 * never holds an empty expression.
 */
export function DefaultEditor({ value, type, label = 'Default', onChange }: DefaultEditorProps) {
  const stored = defaultToForm(value);
  const sequences = useEditor((s) => s.doc.sequences);
  // A kind picked but not yet filled in (literal/expression need text first).
  const [pendingKind, setPendingKind] = useState<DefaultFormKind | undefined>();
  const [error, setError] = useState<string | undefined>();
  const kind = pendingKind ?? stored.kind;

  const apply = (k: DefaultFormKind, text: string): string | undefined => {
    const r = formToDefault({ kind: k, text }, type);
    if (!r.ok) return r.error;
    const refused = onChange(r.value);
    if (refused) return refused;
    setPendingKind(undefined);
    return undefined;
  };

  return (
    <div className="flex flex-col gap-1">
      <SelectField
        label={label}
        value={kind}
        error={error}
        options={defaultFormKinds.map((k) => ({ value: k, label: defaultFormKindLabels[k] }))}
        onValueChange={(k) => {
          setError(undefined);
          if (k === stored.kind) {
            setPendingKind(undefined);
          } else if (k === 'none' || k === 'null') {
            setError(apply(k, ''));
          } else if (k === 'builtin') {
            setError(apply(k, builtinDefaultNames[0]));
          } else {
            // Literal '' is a valid string default for text columns, but not what the user meant yet.
            setPendingKind(k);
          }
        }}
      />
      {kind === 'literal' && (
        <CommitTextField
          label={`${label} value`}
          value={stored.kind === 'literal' ? stored.text : ''}
          placeholder="value, without quotes"
          onCommit={(text) => apply('literal', text)}
        />
      )}
      {kind === 'expression' && (
        <CommitTextField
          label={`${label} expression`}
          monospace
          value={stored.kind === 'expression' ? stored.text : ''}
          placeholder="now()"
          onCommit={(text) => apply('expression', text)}
        />
      )}
      {kind === 'sequence' && (
        <SelectField
          label={`${label} sequence`}
          value={stored.kind === 'sequence' ? stored.text : ''}
          options={[{ value: '', label: Object.keys(sequences).length ? 'Choose a sequence' : 'No sequences yet (Database panel)' }, ...Object.values(sequences).map((q) => ({ value: q.id, label: q.name }))]}
          onValueChange={(id) => setError(apply('sequence', id))}
        />
      )}
      {kind === 'builtin' && (
        <SelectField
          label={`${label} function`}
          value={stored.kind === 'builtin' ? (builtinDefaultNames.find((n) => n === stored.text) ?? builtinDefaultNames[0]) : builtinDefaultNames[0]}
          options={builtinDefaultNames.map((n) => ({ value: n, label: builtinDefaultLabels[n] }))}
          onValueChange={(n) => setError(apply('builtin', n))}
        />
      )}
    </div>
  );
}
