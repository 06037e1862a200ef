'use client';
/**
 * A number with a unit picker ("20" [GB], "5" [minutes]): the number commits on Enter or blur, a unit
 * change commits at once, each as one command. The parent decides how the pair is stored (the unit
 * kept, or converted to the field's canonical unit). Escape reverts the draft.
 */
import { useState, type KeyboardEvent } from 'react';
import { Field } from '@/components/ui/field';
import { controlClass, cx } from '@/components/ui/styles';

export interface UnitAmount<U extends string> {
  amount: number;
  unit: U;
}

export interface UnitNumberFieldProps<U extends string> {
  label: string;
  value: UnitAmount<U> | undefined;
  units: readonly { value: U; label: string }[];
  /** The unit shown while no value is stored. */
  defaultUnit: U;
  /** Returns an error message to keep the draft, or nothing when accepted; `undefined` clears the field. */
  onCommit: (next: UnitAmount<U> | undefined) => string | void;
  placeholder?: string;
  hint?: string;
}

/** "2,000" / "1.5" -> number; empty -> null; otherwise undefined. */
function readAmount(text: string): number | null | undefined {
  const t = text.trim().replace(/(\d)[,_ ](?=\d{3}(?!\d))/g, '$1');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const shown = (n: number | undefined) => (n === undefined ? '' : String(Number(n.toPrecision(6))));

export function UnitNumberField<U extends string>({ label, value, units, defaultUnit, onCommit, placeholder, hint }: UnitNumberFieldProps<U>) {
  const [draft, setDraft] = useState(shown(value?.amount));
  const [base, setBase] = useState(value);
  const [unit, setUnit] = useState<U>(value?.unit ?? defaultUnit);
  const [error, setError] = useState<string | undefined>();
  if (base?.amount !== value?.amount || base?.unit !== value?.unit) {
    setBase(value);
    setDraft(shown(value?.amount));
    if (value) setUnit(value.unit);
    setError(undefined);
  }
  const commit = (text: string, u: U) => {
    const n = readAmount(text);
    if (n === undefined) {
      setError('Enter a number, e.g. 20 or 1.5');
      return;
    }
    if (n === null && value === undefined) {
      setError(undefined);
      return;
    }
    if (n !== null && value && n === value.amount && u === value.unit) {
      setError(undefined);
      return;
    }
    const problem = onCommit(n === null ? undefined : { amount: n, unit: u });
    setError(problem || undefined);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(draft, unit);
    } else if (e.key === 'Escape' && draft !== shown(value?.amount)) {
      e.stopPropagation();
      setDraft(shown(value?.amount));
      setError(undefined);
    }
  };
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <div className="flex gap-1">
          <input
            id={id}
            className={cx(controlClass, 'flex-1')}
            inputMode="decimal"
            value={draft}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => commit(draft, unit)}
            onKeyDown={onKeyDown}
          />
          <select
            aria-label={`${label} unit`}
            className={cx(controlClass, 'w-auto')}
            value={unit}
            onChange={(e) => {
              const u = e.target.value as U;
              setUnit(u);
              if (draft.trim() !== '') commit(draft, u);
            }}
          >
            {units.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

/** A canonical-unit number (ms, per second, minutes) shown in the largest unit that keeps it whole-ish. */
export function toUnitAmount<U extends string>(canonical: number | undefined, units: readonly { value: U; factor: number }[]): UnitAmount<U> | undefined {
  if (canonical === undefined) return undefined;
  // The largest unit in which the figure is at least 1 and has few decimals; else the smallest unit.
  for (const u of [...units].sort((a, b) => b.factor - a.factor)) {
    const amount = canonical / u.factor;
    if (amount >= 1 && Math.abs(amount - Math.round(amount * 100) / 100) <= amount * 1e-5) return { amount, unit: u.value };
  }
  const smallest = [...units].sort((a, b) => a.factor - b.factor)[0];
  return { amount: canonical / smallest.factor, unit: smallest.value };
}

export function fromUnitAmount<U extends string>(v: UnitAmount<U> | undefined, units: readonly { value: U; factor: number }[]): number | undefined {
  if (!v) return undefined;
  const factor = units.find((u) => u.value === v.unit)?.factor ?? 1;
  return Number((v.amount * factor).toPrecision(12));
}
