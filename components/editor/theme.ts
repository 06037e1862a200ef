'use client';
/**
 * Dark mode: follows the system until the user picks light or dark; the choice is kept in
 * localStorage. Applied as `data-theme` (editor.css) and the `dark` class (Tailwind variants when the
 * app's CSS declares a class-based dark variant) on <html>.
 */
import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'draftbase-theme';

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function apply(choice: ThemeChoice) {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  root.classList.toggle('dark', choice === 'dark' || (choice === 'system' && systemDark()));
}

export function useTheme(): { choice: ThemeChoice; effective: 'light' | 'dark'; toggle: () => void } {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const stored = localStorage.getItem(KEY);
    const initial: ThemeChoice = stored === 'light' || stored === 'dark' ? stored : 'system';
    setChoice(initial);
    setDark(initial === 'dark' || (initial === 'system' && systemDark()));
    apply(initial);
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      const current = (localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system';
      if (current === 'system') {
        setDark(mq.matches);
        apply('system');
      }
    };
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const toggle = useCallback(() => {
    const next: ThemeChoice = dark ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    setChoice(next);
    setDark(!dark);
    apply(next);
  }, [dark]);
  return { choice, effective: dark ? 'dark' : 'light', toggle };
}
