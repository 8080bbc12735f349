import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { SendButton, TextareaField } from '../../../phone/TextareaField';
import { ErrorBox, fieldErrors } from '../../../phone/ui';

/**
 * A text a resident sends about a record (an objection to a posting, a comment on a topic): the box with the
 * server's error for `text`, any other error of the request, and the send button; the box empties once sent.
 */
export function SendTextForm<T>({
  label,
  hint,
  rows,
  maxLength,
  send,
  onSent,
  children,
}: {
  label: ReactNode;
  hint: ReactNode;
  rows: number;
  maxLength: number;
  send: (text: string) => Promise<T>;
  onSent: (answer: T) => void;
  /** The button's label. */
  children: ReactNode;
}) {
  const [text, setText] = useState('');
  const request = useMutation({
    mutationFn: () => send(text),
    onSuccess: (answer) => {
      onSent(answer);
      setText('');
    },
  });
  const errors = request.isError ? fieldErrors(request.error) : {};
  return (
    <>
      <TextareaField
        label={label}
        hint={hint}
        error={errors.text ?? null}
        rows={rows}
        maxLength={maxLength}
        value={text}
        onChange={setText}
      />
      {request.isError && !errors.text ? <ErrorBox error={request.error} /> : null}
      <SendButton disabled={!text.trim() || request.isPending} onClick={() => request.mutate()}>
        {children}
      </SendButton>
    </>
  );
}
