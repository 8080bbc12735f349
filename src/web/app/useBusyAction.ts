import { useState } from 'react';
import { useShowError } from './errors';

/**
 * A busy flag and `withBusy(action)`: runs an async button or modal action with the flag set and shows
 * its error the usual way (useShowError), so a card needs no try/catch/finally of its own.
 */
export function useBusyAction(): [boolean, (action: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const showError = useShowError();
  const withBusy = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return [busy, withBusy];
}
