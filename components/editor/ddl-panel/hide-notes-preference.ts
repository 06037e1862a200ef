'use client';
/** Whether the DDL panel hides info-level diagnostics ("notes"): remembered per browser in localStorage. */
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'draftbase-ddl-hide-notes';
const CHANGE_EVENT = 'draftbase-ddl-hide-notes-change';

/** The choice when storage is disabled: it lasts for this page only. */
let inMemory = false;

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return inMemory;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export function useHideNotes(): [boolean, (hide: boolean) => void] {
  const hide = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((next: boolean) => {
    inMemory = next;
    try {
      if (next) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      // storage disabled: inMemory holds the choice
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  return [hide, set];
}
