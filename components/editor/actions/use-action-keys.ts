'use client';
/**
 * The editor's keyboard: a keypress runs the action EDITOR_ACTIONS binds to it (see actionToRun for
 * when a key is left to the browser).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { actionToRun, type ActionContext } from './editor-actions';
import { isMacPlatform, isTextInputTarget } from './keys';

export function useActionKeys(ctx: ActionContext): void {
  // The latest context without re-subscribing on every render.
  const latest = useRef(ctx);
  useEffect(() => {
    latest.current = ctx;
  }, [ctx]);

  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (e: KeyboardEvent) => {
      const context = latest.current;
      const keys = { isMac, inTextField: isTextInputTarget(e.target), dialogOpen: !!document.querySelector('dialog[open]') };
      const action = actionToRun(e, keys, context.store.getState());
      if (!action) return;
      e.preventDefault();
      action.perform(context);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const noSubscribe = () => () => {};

/** macOS after hydration; false on the server so the first render matches. */
export function useIsMac(): boolean {
  return useSyncExternalStore(noSubscribe, isMacPlatform, () => false);
}
