'use client';
import { Field } from './field';

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string;
  className?: string;
}

export function CheckboxField({ label, checked, onCheckedChange, disabled, hint, className }: CheckboxFieldProps) {
  return (
    <Field label={label} inline hint={hint} className={className}>
      {(id, describedBy) => (
        <input
          id={id}
          type="checkbox"
          className="h-3.5 w-3.5 accent-sky-600"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => onCheckedChange(e.target.checked)}
        />
      )}
    </Field>
  );
}
