'use client';
import { useId, type ReactNode } from 'react';
import { cx, errorClass, labelClass } from './styles';

export interface FieldProps {
  label: string;
  /** Receives the generated id to put on the control, so <label htmlFor> names it. */
  children: (id: string, describedBy: string | undefined) => ReactNode;
  error?: string;
  hint?: string;
  className?: string;
  /** Label and control side by side (checkbox rows, short selects). */
  inline?: boolean;
}

/** A labelled form row; the control gets an accessible name (getByLabel) and its error as description. */
export function Field({ label, children, error, hint, className, inline }: FieldProps) {
  const id = useId();
  const messageId = `${id}-msg`;
  const message = error ?? hint;
  return (
    <div className={cx(inline ? 'flex items-center gap-2' : 'flex flex-col gap-0.5', className)}>
      <label htmlFor={id} className={cx(labelClass, inline && 'order-2')}>
        {label}
      </label>
      <div className={cx(inline ? 'order-1 flex items-center' : 'min-w-0')}>{children(id, message ? messageId : undefined)}</div>
      {message && (
        <p id={messageId} className={cx(inline && 'order-3', error ? errorClass : 'text-[11px] text-slate-500 dark:text-slate-400')} role={error ? 'alert' : undefined}>
          {message}
        </p>
      )}
    </div>
  );
}
