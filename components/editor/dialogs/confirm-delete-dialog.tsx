'use client';
/** "Delete 2 tables?" naming everything else that goes with them (from removeTablesPlan's dry run). */
import { Modal, buttonClass, dangerButtonClass } from './modal';

export function ConfirmDeleteDialog({ names, consequences, onConfirm, onCancel }: { names: string[]; consequences: string[]; onConfirm: () => void; onCancel: () => void }) {
  const title = names.length === 1 ? `Delete table ${names[0]}?` : `Delete ${names.length} tables?`;
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId="confirm-delete"
      actions={
        <>
          <button type="button" className={buttonClass} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={dangerButtonClass} onClick={onConfirm} autoFocus>
            Delete
          </button>
        </>
      }
    >
      {names.length > 1 && <p className="mb-2 break-words">{names.join(', ')}</p>}
      {consequences.length === 0 ? (
        <p>Nothing else refers to {names.length === 1 ? 'it' : 'them'}.</p>
      ) : (
        <>
          <p className="mb-1">Also removed:</p>
          <ul className="max-h-60 list-disc overflow-auto pl-5" data-testid="delete-consequences">
            {consequences.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-slate-500">Undo (Ctrl+Z) brings everything back.</p>
    </Modal>
  );
}
