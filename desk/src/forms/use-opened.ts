import { useEffect, useState } from 'preact/hooks';

/**
 * An edit form's view of what it edits: the state as it was when the form opened, not as live updates
 * bring it. Its revision goes in If-Match and the changes are worked out against it, so a change made
 * meanwhile is answered 412 and never silently undone. `rebase()` (after a 412, on "reload") moves the
 * form onto the state the page now shows: fields the editor did not touch take the new values, typed
 * ones stay.
 */
export function useOpened<T extends { revision?: number }, F extends object>(current: T, fieldsOf: (state: T) => F) {
  const [opened, setOpened] = useState(current);
  const [fields, setFields] = useState(() => fieldsOf(current));
  const [rebasing, setRebasing] = useState(false);
  useEffect(() => {
    if (!rebasing || current.revision === opened.revision) return;
    const before = fieldsOf(opened);
    const after = fieldsOf(current);
    const merged = { ...fields };
    for (const key of Object.keys(after) as Array<keyof F>) {
      if (JSON.stringify(fields[key]) === JSON.stringify(before[key])) merged[key] = after[key];
    }
    setFields(merged);
    setOpened(current);
    setRebasing(false);
  }, [rebasing, current]);
  return { opened, fields, setFields, rebase: () => setRebasing(true) };
}
