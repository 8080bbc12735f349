import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';
import { useToast } from './ui';

interface Picked {
  key: string;
  preview: string;
  id?: string;
}

/** Photos taken or chosen on the phone (any module's page), uploaded one by one; `onChange` gets the uploaded ids. */
export function PhotoPicker({
  upload,
  onChange,
  max = 6,
  testId,
  onError,
}: {
  upload: (file: File) => Promise<{ id: string }>;
  onChange: (ids: string[]) => void;
  max?: number;
  testId: string;
  onError: (err: unknown) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Picked[]>([]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    onChangeRef.current(items.filter((i) => i.id).map((i) => i.id!));
  }, [items]);

  const add = async (files: FileList | null) => {
    if (!files) return;
    for (const file of [...files].slice(0, Math.max(0, max - items.length))) {
      if (!file.type.startsWith('image/')) {
        onError(new Error(t('phone.photo.notImage')));
        continue;
      }
      if (file.size > 5 * 1024 * 1024) {
        onError(new Error(t('phone.photo.tooLarge')));
        continue;
      }
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const preview = URL.createObjectURL(file);
      setItems((prev) => [...prev, { key, preview }]);
      try {
        const r = await upload(file);
        setItems((prev) => prev.map((i) => (i.key === key ? { ...i, id: r.id } : i)));
      } catch (e) {
        setItems((prev) => prev.filter((i) => i.key !== key));
        onError(e);
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div className="thumbs" data-testid={`${testId}-list`}>
      {items.map((i, n) => (
        <div key={i.key} className="thumb" data-testid={`${testId}-item`} data-uploaded={!!i.id}>
          <img src={i.preview} alt={`${t('phone.photo')} ${n + 1}`} />
          {i.id ? null : <span className="thumb-busy">{t('app.loading')}</span>}
          <button
            type="button"
            className="thumb-remove"
            aria-label={`${t('common.delete')} ${t('phone.photo')} ${n + 1}`}
            onClick={() => {
              URL.revokeObjectURL(i.preview);
              setItems((prev) => prev.filter((x) => x.key !== i.key));
            }}
          >
            ×
          </button>
        </div>
      ))}
      {items.length < max ? (
        <button type="button" className="thumb-add" onClick={() => input.current?.click()}>
          <span aria-hidden style={{ display: 'block', fontSize: '1.6rem', lineHeight: 1 }}>
            +
          </span>
          {t('phone.photo.add')}
        </button>
      ) : null}
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('phone.photo.add')}
        data-testid={testId}
        onChange={(e) => add(e.target.files)}
      />
    </div>
  );
}

/** One photo handed to `send` as soon as it is picked (a duty log's, a check-out's); a failure shows as a toast. */
export function PhotoSentOnPick({
  send,
  testId,
}: {
  send: (file: File) => Promise<unknown>;
  testId: string;
}) {
  const toast = useToast();
  return (
    <PhotoPicker
      max={1}
      testId={testId}
      upload={async (file) => {
        await send(file);
        return { id: file.name };
      }}
      onChange={() => undefined}
      onError={(e) => toast.error(e)}
    />
  );
}
