'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A text input that commits on Enter or blur and cancels on Escape. `nodrag`/`nowheel` keep React
 * Flow from starting a drag or a zoom while the user types or selects text.
 */
export function InlineText({
  value,
  label,
  onCommit,
  onCancel,
  className,
}: {
  value: string;
  label: string;
  onCommit: (next: string) => void;
  onCancel: () => void;
  className?: string;
}) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    const next = text.trim();
    if (next && next !== value) onCommit(next);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      aria-label={label}
      className={`nodrag nowheel db-inline-input ${className ?? ''}`}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        else if (e.key === 'Escape') {
          done.current = true;
          onCancel();
        }
      }}
    />
  );
}
