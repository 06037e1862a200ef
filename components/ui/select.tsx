'use client';
import type { SelectHTMLAttributes } from 'react';
import { Field } from './field';
import { controlClass, cx } from './styles';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onValueChange: (value: V) => void;
  error?: string;
  hint?: string;
  inline?: boolean;
}

/** A labelled native <select>: keyboard and screen-reader behaviour come for free. */
export function SelectField<V extends string>({ label, value, options, onValueChange, error, hint, className, inline, ...rest }: SelectFieldProps<V>) {
  return (
    <Field label={label} error={error} hint={hint} className={className} inline={inline}>
      {(id, describedBy) => (
        <select
          id={id}
          className={cx(controlClass, inline && 'w-auto')}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => {
            const chosen = options.find((o) => o.value === e.target.value);
            if (chosen) onValueChange(chosen.value);
          }}
          {...rest}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
