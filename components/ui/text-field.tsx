'use client';
import { useState, type KeyboardEvent } from 'react';
import { Field } from './field';
import { controlClass } from './styles';

export interface CommitTextFieldProps {
  label: string;
  /** The stored value; the field shows it until the user edits. */
  value: string;
  /**
   * Called on Enter or blur when the text changed. Return an error message to keep the draft and show
   * the error, or nothing when the value was accepted.
   */
  onCommit: (text: string) => string | void;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  className?: string;
  monospace?: boolean;
  list?: string;
  disabled?: boolean;
  inputMode?: 'numeric' | 'text';
}

/**
 * A text field that edits a stored value with a local draft: typing does not dispatch a command per
 * keystroke (one undo step per edit, and no DDL regeneration per key); Enter or blur commits, Escape
 * reverts. A value changed elsewhere (undo, canvas) replaces the draft unless the user is mid-edit.
 */
export function CommitTextField({
  label, value, onCommit, placeholder, multiline, rows = 3, hint, className, monospace, list, disabled, inputMode,
}: CommitTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  const [error, setError] = useState<string | undefined>();
  // Adopt outside changes (the "adjust state while rendering" pattern, no effect needed).
  if (base !== value) {
    setBase(value);
    setDraft(value);
    setError(undefined);
  }

  const commit = () => {
    if (draft === value) {
      setError(undefined);
      return;
    }
    const problem = onCommit(draft);
    setError(problem || undefined);
    // Accepted: show the stored value. When the store normalised the text to what it already held
    // (`int4` for an integer column) `value` does not change, so this is the only reset.
    if (!problem) setDraft(value);
  };
  const revert = () => {
    setDraft(value);
    setError(undefined);
  };
  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      if (draft !== value || error) {
        e.stopPropagation();
        revert();
      }
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };
  const cls = `${controlClass}${monospace ? ' font-mono' : ''}`;
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy) =>
        multiline ? (
          <textarea
            id={id}
            className={cls}
            rows={rows}
            value={draft}
            placeholder={placeholder}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={handleKeyDown}
          />
        ) : (
          <input
            id={id}
            className={cls}
            value={draft}
            placeholder={placeholder}
            list={list}
            disabled={disabled}
            inputMode={inputMode}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={handleKeyDown}
          />
        )
      }
    </Field>
  );
}
