import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

type NamePath = (string | number)[];

function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function isRegistered(form: FormInstance, name: NamePath): boolean {
  let node: unknown = form.getFieldsValue();
  for (const part of name) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's field errors under the form's fields (message already in the user's language).
 * Returns the issues that match no field, so the caller can show them otherwise.
 */
export function applyFormErrors(form: FormInstance, err: unknown, rename: Record<string, string> = {}) {
  if (!(err instanceof ApiError) || err.fields.length === 0) return { applied: 0, rest: [] as string[] };
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const f of err.fields) {
    const name = toNamePath(rename[f.path] ?? f.path);
    if (name.length > 0 && isRegistered(form, name)) {
      const key = name.join('.');
      const entry = byName.get(key) ?? { name, errors: [] };
      entry.errors.push(f.message);
      byName.set(key, entry);
    } else {
      rest.push(f.path ? `${f.path}: ${f.message}` : f.message);
    }
  }
  form.setFields([...byName.values()]);
  const first = [...byName.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return { applied: byName.size, rest };
}

/** Shows errors to the user: field errors on the form when one is given, the rest as a message. */
export function useShowError() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (err: unknown, form?: FormInstance, rename?: Record<string, string>) => {
      if (form) {
        const { applied, rest } = applyFormErrors(form, err, rename);
        if (applied > 0 && rest.length === 0) {
          message.error({ content: (err as ApiError).message, key: 'form-error' });
          return;
        }
        if (rest.length > 0) {
          message.error({
            content: `${(err as ApiError).message}:${rest.join(';')}`,
            key: 'form-error',
            duration: 6,
          });
          return;
        }
      }
      const text = err instanceof Error ? err.message : t('common.loadFailed');
      message.error({ content: text, key: text, duration: 5 });
    },
    [message, t],
  );
}
