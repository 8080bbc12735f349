import { useMutation } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { BackLink, ErrorBox, Notice, Section, formatAt } from '../../../phone/ui';
import { BigButton } from '../../../phone/PhoneForm';
import { delibApi } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/meetings/:id/sign-in?k=…: the page the meeting's QR code opens; one tap signs the resident in. */
export const SignInPage = loggedInPage('participation.qr.title', SignIn);

function SignIn() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const k = params.get('k') ?? '';
  const { t } = useI18n();
  const send = useMutation({ mutationFn: () => delibApi.qrSignIn(id, k) });
  if (!k) return <Notice>{t('participation.qr.badLink')}</Notice>;
  return (
    <>
      <BackLink to="/m" />
      {send.data ? (
        <Section title={send.data.title}>
          <p className="ph-p" data-testid="qr-result">
            <strong>
              {send.data.already
                ? t('participation.qr.already', { name: send.data.name })
                : t('participation.qr.signed', { name: send.data.name })}
            </strong>
          </p>
          <p className="muted">
            {formatAt(send.data.heldAt)}
            {send.data.place ? ` · ${send.data.place}` : ''}
          </p>
        </Section>
      ) : (
        <Section title={t('participation.qr.title')}>
          {send.isError ? <ErrorBox error={send.error} /> : null}
          <BigButton disabled={send.isPending} onClick={() => send.mutate()} testId="qr-sign-in">
            {t('participation.qr.confirm')}
          </BigButton>
        </Section>
      )}
    </>
  );
}
