import { useState } from 'react';
import { fieldErrors, useToast } from './ui';

/**
 * A phone form's errors by field: `errors` to show under the fields, `setErrors` for the form's own checks,
 * and `fail(e)`, a failed request's `onError`: its field errors under their fields and the error in a toast.
 */
export function useFieldErrors() {
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fail = (e: unknown) => {
    setErrors(fieldErrors(e));
    toast.error(e);
  };
  return { errors, setErrors, fail };
}
