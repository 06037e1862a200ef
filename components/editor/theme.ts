'use client';
/**
 * Dark mode: follows the system until the user picks light or dark; the choice is kept in
 * localStorage. Applied as `data-theme` on <html> (app/globals.css declares Tailwind's dark variant
 * on it; editor.css reads it too) plus the `dark` class for anything keyed on that.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'draftbase-theme';
const CHANGE_EVENT = 'draftbase-theme-change';
const QUERY = '(prefers-color-scheme: dark)';

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice, systemDark: boolean) {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  root.classList.toggle('dark', choice === 'dark' || (choice === 'system' && systemDark));
}

/** Snapshot as one string so React compares it by value: `<choice>|<system is dark>`. */
function snapshot(): string {
  return `${readChoice()}|${matchMedia(QUERY).matches ? 1 : 0}`;
}

function subscribe(onChange: () => void): () => void {
  const mq = matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    mq.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export function useTheme(): { choice: ThemeChoice; effective: 'light' | 'dark'; toggle: () => void } {
  const snap = useSyncExternalStore(subscribe, snapshot, () => 'system|0');
  const [choiceText, systemText] = snap.split('|');
  const choice = choiceText as ThemeChoice;
  const systemDark = systemText === '1';
  const dark = choice === 'dark' || (choice === 'system' && systemDark);
  useEffect(() => apply(choice, systemDark), [choice, systemDark]);
  const toggle = useCallback(() => {
    try {
      localStorage.setItem(KEY, dark ? 'light' : 'dark');
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, [dark]);
  return { choice, effective: dark ? 'dark' : 'light', toggle };
}
