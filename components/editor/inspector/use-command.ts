'use client';
import { useCallback, useState } from 'react';
import type { Command } from '@/lib/model/commands/types';
import { useEditorStore } from '@/components/editor/store/editor-store';

/**
 * Dispatches commands from an inspector section. `run` returns the refusal message (for a text
 * field to show inline) and also keeps it in `error` for controls that have nowhere to show it.
 */
export function useCommandRunner() {
  const store = useEditorStore();
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(
    (command: Command | undefined): string | undefined => {
      if (!command) return undefined;
      const result = store.getState().dispatch(command);
      const message = 'error' in result ? result.error : undefined;
      setError(message);
      return message;
    },
    [store],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, error, clearError };
}
