import { useState } from 'react';

/**
 * A list's one create-or-edit modal: `openNew()` or `openEdit(row)` opens it, `key`, `editing` (null: a new
 * record) and `open` go to the modal, and its close goes through `close(saved, afterSave)`: the modal shuts and,
 * when something was saved, `afterSave(saved, wasEditing)` runs (a toast, a refresh).
 */
export function useEditModal<T extends { id: string }>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [creating, setCreating] = useState(false);
  const close = async <S>(
    saved: S | undefined,
    afterSave: (saved: S, wasEditing: boolean) => Promise<void>,
  ): Promise<void> => {
    const wasEditing = !!editing;
    setCreating(false);
    setEditing(null);
    if (saved) await afterSave(saved, wasEditing);
  };
  return {
    editing,
    open: creating || !!editing,
    key: editing?.id ?? 'new',
    openNew: () => setCreating(true),
    openEdit: (row: T) => setEditing(row),
    close,
  };
}
