import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  ARCHIVE_CATEGORIES,
  ARCHIVE_NOTE_MAX,
  ARCHIVE_REMOVE_REASON_MAX,
  type ArchiveCategory,
  type ArchiveDto,
} from '../../../shared/contracts/projects.archive';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { OneFilePicker, SaveModal, SectionCard } from './parts';

type Archive = Wire<ArchiveDto>;
const enc = encodeURIComponent;
const archiveKey = (id: string) => ['projects', 'archive', id] as const;

/**
 * The archive ①–⑧ of a selected project (R-PJ-3) on its page: completeness per category and overall,
 * the files with their notes, upload (the project's community and subdistrict) and the zip export.
 */
export function ArchiveTab({ applicationId }: { applicationId: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState<ArchiveCategory | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, withBusy] = useBusyAction();
  const [form] = Form.useForm<{ category: ArchiveCategory; note?: string }>();
  const [removing, setRemoving] = useState<{ id: string; fileName: string } | null>(null);
  const [removeForm] = Form.useForm<{ reason: string }>();
  const q = useQuery({
    queryKey: archiveKey(applicationId),
    queryFn: () => api.get<Archive>(`/api/projects/applications/${enc(applicationId)}/archive`),
  });
  const a = q.data;
  if (!a) return null;
  const catName = (key: string) => {
    const c = ARCHIVE_CATEGORIES.find((x) => x.key === key)!;
    return `${c.no}${locale === 'en' ? c.en : c.name}`;
  };
  const open = (category: ArchiveCategory) => {
    form.setFieldsValue({ category, note: '' });
    setFile(null);
    setAdding(category);
  };
  const submit = async (v: { category: ArchiveCategory; note?: string }) => {
    if (!file) {
      message.error(t('projects.archive.fileRequired'));
      return;
    }
    const body = new FormData();
    body.append('category', v.category);
    body.append('note', v.note ?? '');
    body.append('file', file);
    await withBusy(async () => {
      const next = await api.upload<Archive>(
        `/api/projects/applications/${enc(applicationId)}/archive`,
        body,
      );
      qc.setQueryData(archiveKey(applicationId), next);
      message.success(t('projects.archive.uploaded'));
      setAdding(null);
    });
  };

  const remove = async () => {
    const v = await removeForm.validateFields();
    await withBusy(async () => {
      const next = await api.post<Archive>(`/api/projects/archive-items/${enc(removing!.id)}/remove`, {
        reason: v.reason,
      });
      qc.setQueryData(archiveKey(applicationId), next);
      message.success(t('projects.archive.removedOk'));
      setRemoving(null);
    });
  };

  return (
    <SectionCard
      title={t('projects.archive.title')}
      extra={
        <Space>
          {a.canAdd ? (
            <Button size="small" type="primary" icon={<UploadOutlined />} onClick={() => open('minutes')}>
              {t('projects.archive.add')}
            </Button>
          ) : null}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              api
                .download(
                  `/api/projects/applications/${enc(applicationId)}/archive.zip`,
                  undefined,
                  'archive.zip',
                )
                .catch(showError)
            }
          >
            {t('projects.archive.export')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        <Typography.Text strong>
          {t('projects.archive.progress', { n: a.complete, total: a.total })}
        </Typography.Text>
        <Progress percent={Math.round((a.complete / a.total) * 100)} showInfo={false} size="small" />
        {a.canAdd ? null : (
          <Typography.Text type="secondary">{t('projects.archive.readOnly')}</Typography.Text>
        )}
      </Space>
      <List
        itemLayout="vertical"
        dataSource={a.categories}
        renderItem={(c) => (
          <List.Item key={c.category}>
            <Space wrap style={{ marginBottom: c.items.length ? 8 : 0 }}>
              <Typography.Text strong>{catName(c.category)}</Typography.Text>
              <Tag color={c.complete ? 'green' : 'orange'}>
                {c.complete ? t('projects.archive.complete') : t('projects.archive.missing')}
              </Tag>
              {a.canAdd ? (
                <Button size="small" type="link" icon={<UploadOutlined />} onClick={() => open(c.category)}>
                  {t('projects.archive.add')}
                </Button>
              ) : null}
            </Space>
            {c.items.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('projects.archive.none')}</Typography.Text>
              </div>
            ) : (
              c.items.map((i) => (
                <div
                  key={i.id}
                  style={{ padding: '2px 0 2px 16px' }}
                  data-testid={i.removed ? 'archive-item-removed' : 'archive-item'}
                >
                  <Space wrap size={8}>
                    <Tag>{t(`projects.archive.kind.${i.kind}`)}</Tag>
                    <Typography.Link href={i.url} target="_blank" rel="noopener" delete={!!i.removed}>
                      {i.fileName}
                    </Typography.Link>
                    <Typography.Text type="secondary" delete={!!i.removed}>
                      {t('projects.archive.by', {
                        name: i.createdByName ?? '',
                        date: formatDate(i.createdAt),
                      })}
                    </Typography.Text>
                    {a.canRemove && !i.removed ? (
                      <Button
                        size="small"
                        type="link"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => {
                          removeForm.resetFields();
                          setRemoving({ id: i.id, fileName: i.fileName });
                        }}
                      >
                        {t('projects.archive.remove')}
                      </Button>
                    ) : null}
                  </Space>
                  {i.note ? (
                    <div>
                      <Typography.Text delete={!!i.removed}>{i.note}</Typography.Text>
                    </div>
                  ) : null}
                  {i.removed ? (
                    <div>
                      <Typography.Text type="danger">
                        {t('projects.archive.removedBy', {
                          name: i.removed.byName ?? '',
                          date: formatDate(i.removed.at),
                          reason: i.removed.reason,
                        })}
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              ))
            )}
          </List.Item>
        )}
      />
      <SaveModal
        open={adding !== null}
        title={t('projects.archive.add')}
        onClose={() => setAdding(null)}
        onSave={submit}
        busy={busy}
        form={form}
      >
        <Form.Item
          name="category"
          label={t('projects.archive.category')}
          rules={[{ required: true, message: t('projects.archive.categoryRequired') }]}
        >
          <Select options={ARCHIVE_CATEGORIES.map((c) => ({ value: c.key, label: catName(c.key) }))} />
        </Form.Item>
        <Form.Item label={t('projects.archive.file')} extra={t('projects.archive.fileHint')} required>
          <OneFilePicker file={file} onChange={setFile} label={t('projects.archive.pick')} />
        </Form.Item>
        <Form.Item name="note" label={t('projects.archive.note')}>
          <Input.TextArea
            rows={3}
            maxLength={ARCHIVE_NOTE_MAX}
            showCount
            placeholder={t('projects.archive.notePlaceholder')}
          />
        </Form.Item>
      </SaveModal>
      <Modal
        open={removing !== null}
        title={t('projects.archive.removeTitle')}
        onCancel={() => setRemoving(null)}
        onOk={remove}
        okText={t('projects.archive.remove')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        forceRender
      >
        <Typography.Paragraph strong>{removing?.fileName}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('projects.archive.removeHint')}</Typography.Paragraph>
        <Form form={removeForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('projects.archive.reason')}
            rules={[{ required: true, whitespace: true, message: t('projects.archive.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={ARCHIVE_REMOVE_REASON_MAX} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </SectionCard>
  );
}
