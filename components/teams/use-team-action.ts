'use client';
/**
 * One request from a sharing control at a time: what is busy (a key, e.g. the member's id, or true
 * for a form), and the error to show; a success runs `then` (reload the list). Every section of the
 * Share dialog reports the same way.
 */
import { useCallback, useState } from 'react';
import { errorText } from './format';

export function useTeamAction(then: () => void) {
  const [busy, setBusy] = useState<string | true>();
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (work: () => Promise<unknown>, key: string | true = true): Promise<boolean> => {
      setBusy(key);
      setError(undefined);
      try {
        await work();
        then();
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [then],
  );
  return { busy, error, setError, run };
}
