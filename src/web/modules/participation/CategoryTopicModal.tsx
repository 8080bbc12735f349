import { useMutation } from '@tanstack/react-query';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import type { TopicMicroKind, TopicOrderEvidence } from '../../../shared/contracts/deliberation';
import { microKindOptions } from './meta';
import type { TopicDetail } from './api';

/** The statistics row's category, community and period (the evidence but its orders). */
export type CategoryTopicProps = Omit<TopicOrderEvidence, 'total' | 'orders'> & { onClose: () => void };

/**
 * Turns a recurring work-order category into a deliberation topic in one action (issue 13 item 1): the
 * category and community come from the statistics row, the period is editable; the orders become the
 * topic's evidence and the new topic opens.
 */
export default function CategoryTopicModal(p: CategoryTopicProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const make = useMutation({
    mutationFn: (v: { range: [Dayjs, Dayjs]; title?: string; microKind?: TopicMicroKind }) =>
      api.post<TopicDetail>('/api/deliberations/topics/from-category', {
        categoryCode: p.categoryCode,
        orgUnitId: p.communityId,
        from: v.range[0].format('YYYY-MM-DD'),
        to: v.range[1].format('YYYY-MM-DD'),
        title: v.title?.trim() || undefined,
        microKind: v.microKind || undefined,
      }),
    onSuccess: (topic) => {
      message.success(t('participation.fromCategory.done', { n: topic.orderEvidence?.total ?? 0 }));
      p.onClose();
      navigate(`/topics/${topic.id}`);
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open
      title={t('participation.fromCategory.title')}
      okText={t('participation.fromCategory.ok')}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      confirmLoading={make.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        message={t('participation.fromCategory.hint')}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('participation.fromCategory.category')}>
          {p.categoryName}
        </Descriptions.Item>
        <Descriptions.Item label={t('participation.fromCategory.community')}>
          {p.communityName}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ range: [dayjs(p.from), dayjs(p.to)] }}
        onFinish={(v) => make.mutate(v)}
      >
        <Form.Item name="range" label={t('participation.fromCategory.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label={t('participation.fromCategory.topicTitle')}>
          <Input maxLength={120} placeholder={t('participation.fromCategory.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="microKind" label={t('participation.topic.microKindOf')}>
          <Select allowClear options={microKindOptions(locale)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
