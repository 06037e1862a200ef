'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A text input that commits on Enter, Tab or blur and cancels on Escape. After a commit by key,
 * `onNext` says which key it was, so a table can be typed without the mouse (name, Tab, type,
 * Enter for the next column). `nodrag`/`nowheel` keep React Flow from starting a drag or a zoom
 * while the user types or selects text.
 */
export type NextKey = 'Enter' | 'Tab' | 'ShiftTab';

export function InlineText({
  value,
  label,
  onCommit,
  onCancel,
  onNext,
  className,
  placeholder,
}: {
  value: string;
  label: string;
  onCommit: (next: string) => void;
  onCancel: () => void;
  onNext?: (key: NextKey) => void;
  className?: string;
  placeholder?: string;
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
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' || (e.key === 'Tab' && onNext)) {
          e.preventDefault();
          commit();
          onNext?.(e.key === 'Enter' ? 'Enter' : e.shiftKey ? 'ShiftTab' : 'Tab');
        } else if (e.key === 'Escape') {
          done.current = true;
          onCancel();
        }
      }}
    />
  );
}
