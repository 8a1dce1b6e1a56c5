/** A form submit's busy flag and failure, the same way on every page. */
import { useCallback, useState } from 'react';

/** What a form needs around its submit. */
export type Submit = {
  /** True while the work runs (the submit button is disabled and says so). */
  busy: boolean;
  /** What the last run threw; undefined when it succeeded or has not run. */
  failure: unknown;
  setFailure: (failure: unknown) => void;
  /** Clears the failure, runs `work` while busy, keeps what it throws and tells `onFailure`. */
  run: (work: () => Promise<void>, onFailure?: (failure: unknown) => void) => Promise<void>;
};

/** The busy flag and failure of one form's submit. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const run = useCallback(
    async (work: () => Promise<void>, onFailure?: (failure: unknown) => void) => {
      setBusy(true);
      setFailure(undefined);
      try {
        await work();
      } catch (thrown) {
        setFailure(thrown);
        onFailure?.(thrown);
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, failure, setFailure, run };
}
