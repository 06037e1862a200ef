'use client';
/**
 * The name a waiver is signed with: Draftbase has no accounts, so the person waiving may type it once
 * and this browser remembers it (localStorage; for this page only when storage is disabled).
 */
const KEY = 'draftbase-review-author';
let inMemory = '';

export function readAuthor(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return inMemory;
  }
}

export function rememberAuthor(name: string): void {
  inMemory = name;
  try {
    if (name) localStorage.setItem(KEY, name);
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: inMemory holds it
  }
}
