'use client';
/**
 * Someone saved this project since we loaded it (HTTP 409). Never overwrite silently: reload their
 * version (ours is discarded, knowingly), or keep ours as a new project (theirs stays untouched).
 */
import { useState } from 'react';
import { Modal, buttonClass, primaryButtonClass } from './modal';

export function ConflictDialog({ onReloadTheirs, onKeepMine }: { onReloadTheirs: () => Promise<void>; onKeepMine: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="This project was changed elsewhere"
      testId="conflict-dialog"
      actions={
        <>
          <button type="button" className={buttonClass} disabled={busy} onClick={run(onReloadTheirs)}>
            Reload theirs
          </button>
          <button type="button" className={primaryButtonClass} disabled={busy} onClick={run(onKeepMine)}>
            Keep mine as a copy
          </button>
        </>
      }
    >
      <p>Another tab or person saved a newer version while you were editing, so your changes were not saved over it.</p>
      <p className="mt-2">
        <b>Reload theirs</b> discards your unsaved changes and opens their version. <b>Keep mine as a copy</b> saves your version as a new project and opens it; theirs stays as it is.
      </p>
      {error && (
        <p role="alert" className="mt-2 text-red-600">
          {error}
        </p>
      )}
    </Modal>
  );
}
