'use client';
import { useId, useMemo } from 'react';
import type { Column, Dialect } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';
import { CommitTextField } from '@/components/ui/text-field';
import { formatColumnType, parseTypeText, typeSuggestions, userTypeNames, type ParsedType } from '@/lib/dialects/type-text';

export interface TypePickerProps {
  column: Column;
  dialect: Dialect;
  /** Returns a refusal message, or nothing when the new type was applied. */
  onChange: (parsed: ParsedType) => string | void;
}

/**
 * The dialect-aware type picker: a text field with the dialect's types and the document's enums and
 * domains as suggestions (a <datalist>), which also takes any free text (`numeric(10,2)`, `citext`).
 */
export function TypePicker({ column, dialect, onChange }: TypePickerProps) {
  const enums = useEditor((s) => s.doc.enums);
  const domains = useEditor((s) => s.doc.domains);
  const listId = useId();
  const userTypes = useMemo(() => ({ enums, domains }), [enums, domains]);
  const suggestions = useMemo(() => typeSuggestions(userTypes, dialect), [userTypes, dialect]);
  const names = useMemo(() => userTypeNames(userTypes), [userTypes]);
  const text = formatColumnType(column.type, column.arrayDims, userTypes, dialect);
  return (
    <>
      <CommitTextField
        label="Type"
        value={text}
        monospace
        list={listId}
        hint={column.type.kind === 'scalar' && column.type.native?.[dialect] ? `native ${dialect} type; falls back to ${column.type.name} elsewhere` : undefined}
        onCommit={(input) => {
          const parsed = parseTypeText(input, { dialect, ...names });
          if (!parsed.ok) return parsed.error;
          return onChange(parsed.value);
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
