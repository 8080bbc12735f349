import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PublicSection } from '../../../app/components/PublicShell';
import { hoursOf, type MyVolunteer, volApi } from '../api';
import { Stars } from '../parts';
import { MyShell } from './MyShell';

function Certificate({ data }: { data: MyVolunteer }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const p = data.profile!;
  const download = async () => {
    setBusy(true);
    try {
      const name = await volApi.myCertificate();
      message.success(t('volunteers.m.downloaded', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PublicSection title={t('volunteers.m.certificate')} testId="m-certificate">
      <Flex vertical align="center" gap={8} style={{ padding: '8px 0 16px' }}>
        <FileProtectOutlined style={{ fontSize: 48, color: '#c0392b' }} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <Typography.Text>
          {p.communityName} · {hoursOf(p.minutes)} {t('volunteers.m.hoursUnit')}
        </Typography.Text>
        <Stars n={p.stars} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('volunteers.m.certHint')}</Typography.Paragraph>
      <Button
        type="primary"
        block
        size="large"
        className="linli-public-submit"
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={download}
        data-testid="m-download"
      >
        {t('volunteers.m.download')}
      </Button>
    </PublicSection>
  );
}

export default function MyCertificatePage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.certificate')}>{(data) => <Certificate data={data} />}</MyShell>;
}
