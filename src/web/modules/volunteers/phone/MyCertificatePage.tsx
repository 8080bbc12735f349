import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Section, useToast } from '../../../phone/ui';
import { BigButton } from '../../../phone/PhoneForm';
import { hoursOf, type MyVolunteer, volApi } from '../api';
import { MyShell, Stars } from './MyShell';

function Certificate({ data }: { data: MyVolunteer }) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const p = data.profile!;
  const download = async () => {
    setBusy(true);
    try {
      const name = await volApi.myCertificate();
      toast(t('volunteers.m.downloaded', { name }));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('volunteers.m.certificate')} testId="m-certificate">
      <div className="center" style={{ padding: '8px 0 16px' }}>
        <h2 className="ph-card-title">{p.name}</h2>
        <p className="ph-p">
          {p.communityName} · {hoursOf(p.minutes)} {t('volunteers.m.hoursUnit')}
        </p>
        <Stars n={p.stars} />
      </div>
      <p className="ph-p">{t('volunteers.m.certHint')}</p>
      <BigButton disabled={busy} onClick={download} testId="m-download">
        {t('volunteers.m.download')}
      </BigButton>
    </Section>
  );
}

/** /m/certificate: download my volunteer service certificate (PDF). */
export default function MyCertificatePage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.certificate')}>{(data) => <Certificate data={data} />}</MyShell>;
}
