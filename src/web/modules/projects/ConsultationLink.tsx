import { LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ConsultationDto } from '../../../shared/contracts/projects.consultation';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';

type Consultation = Wire<ConsultationDto>;
const enc = encodeURIComponent;
export const consultationKey = (id: string) => ['projects', 'consultation', id] as const;

/**
 * The record an application's consultation rests on (R-PJ-2): shown on the application page and in its
 * form; the community picks a meeting, deliberation topic or closed survey of its own, or uploads minutes.
 */
export function ConsultationLink({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [choice, setChoice] = useState<string>();
  const [busy, withBusy] = useBusyAction();
  const q = useQuery({
    queryKey: consultationKey(applicationId),
    queryFn: () => api.get<Consultation>(`/api/projects/applications/${enc(applicationId)}/consultation`),
  });
  const c = q.data;
  if (!c) return null;
  const saved = async (next: Consultation) => {
    qc.setQueryData(consultationKey(applicationId), next);
    message.success(t('projects.consult.saved'));
    setChoice(undefined);
  };
  const link = async () => {
    const opt = c.options.find((o) => `${o.kind}:${o.id}` === choice);
    if (!opt) return;
    await withBusy(async () => {
      await saved(
        await api.post<Consultation>(`/api/projects/applications/${enc(applicationId)}/consultation`, {
          kind: opt.kind,
          recordId: opt.id,
        }),
      );
    });
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('title', file.name.replace(/\.[^.]+$/, ''));
    body.append('file', file);
    await withBusy(async () => {
      await saved(
        await api.upload<Consultation>(
          `/api/projects/applications/${enc(applicationId)}/consultation/minutes`,
          body,
        ),
      );
    });
  };
  const l = c.link;
  return (
    <div data-testid="consultation-link">
      {l ? (
        <Space size={4} wrap>
          <Tag color="green">{t(`projects.consult.kind.${l.kind}`)}</Tag>
          <Typography.Text strong>{l.title}</Typography.Text>
          {l.date ? <Typography.Text type="secondary">（{formatDate(l.date)}）</Typography.Text> : null}
          {l.hasFile ? (
            <Button
              size="small"
              type="link"
              icon={<LinkOutlined />}
              onClick={() =>
                api
                  .download(`/api/projects/applications/${enc(applicationId)}/consultation/minutes`)
                  .catch(showError)
              }
            >
              {t('projects.consult.download')}
            </Button>
          ) : null}
        </Space>
      ) : (
        <Alert type="warning" showIcon message={t('projects.consult.none')} />
      )}
      {c.canEdit ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            style={{ minWidth: 320 }}
            placeholder={t('projects.consult.pick')}
            value={choice}
            onChange={setChoice}
            notFoundContent={t('projects.consult.noOptions')}
            options={c.options.map((o) => ({
              value: `${o.kind}:${o.id}`,
              label: `${t(`projects.consult.kind.${o.kind}`)}：${o.title}${o.date ? `（${formatDate(o.date)}）` : ''}`,
            }))}
            data-testid="consultation-pick"
          />
          <Button type="primary" disabled={!choice} loading={busy} onClick={link}>
            {t('projects.consult.link')}
          </Button>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('projects.consult.upload')}
            </Button>
          </Upload>
        </Space>
      ) : null}
    </div>
  );
}
