import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { SERVICE_CATEGORIES } from '../../../../shared/contracts/services';
import { applyFormErrors, useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';
import { type PublicProject, svcApi, svcKeys } from '../api';
import { labelOf, newRequestKey } from '../meta';
import { BackLink, RequireLogin } from './mobile';

interface Values {
  forWhom: 'self' | 'other';
  /** R-VP-2: pay with my own time bank (ordering for myself only). */
  payWithTime?: boolean;
  title?: string;
  category?: string;
  beneficiaryName?: string;
  beneficiaryPhone?: string;
  beneficiaryAddress?: string;
  preferredAt?: Dayjs;
  description?: string;
}

/** /m/services: a resident browses the community's published services and orders one, for themselves or a neighbour. */
export default function MobileServicesPage() {
  return (
    <RequireLogin>
      <Services />
    </RequireLogin>
  );
}

function Services() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<PublicProject | 'need' | null>(null);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const formRef = useRef<HTMLDivElement>(null);
  const forWhom = Form.useWatch('forWhom', form);
  const list = useQuery({ queryKey: svcKeys.published(), queryFn: () => svcApi.published() });
  const choose = (p: PublicProject | 'need') => {
    setChosen(p);
    setRequestKey(newRequestKey());
    setTimeout(() => formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };
  const submit = useMutation({
    mutationFn: (v: Values) =>
      svcApi.createOrder({
        ...(chosen === 'need'
          ? { communityId: list.data?.community?.id, title: v.title, category: v.category as 'other' }
          : { projectId: (chosen as PublicProject).id }),
        forSelf: v.forWhom === 'self',
        payWithTime: v.forWhom === 'self' && !!v.payWithTime,
        ...(v.forWhom === 'other'
          ? {
              beneficiaryName: v.beneficiaryName,
              beneficiaryPhone: v.beneficiaryPhone || null,
              beneficiaryAddress: v.beneficiaryAddress || null,
            }
          : {}),
        preferredAt: v.preferredAt?.toISOString() ?? null,
        description: v.description || null,
        requestKey,
      }),
    onSuccess: (o) => {
      message.success(t('services.m.submitted'));
      navigate(`/m/orders/${o.id}`);
    },
    onError: (e) => {
      if (applyFormErrors(form, e).applied === 0) showError(e);
    },
  });
  return (
    <PublicShell title={t('services.m.services')}>
      <BackLink to="/m" />
      {list.data?.community ? (
        <Typography.Paragraph type="secondary">{list.data.community.name}</Typography.Paragraph>
      ) : null}
      {list.isPending ? (
        <Skeleton active />
      ) : list.data?.items.length ? (
        list.data.items.map((p) => {
          const full = p.capacity !== null && p.openOrders >= p.capacity;
          return (
            <div key={p.id} className="linli-public-card" data-testid="service-card">
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {p.title}
                </Typography.Text>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {labelOf(t, 'services.category', p.category)}
                </Tag>
              </Flex>
              {p.description ? (
                <Typography.Paragraph style={{ margin: '6px 0' }}>{p.description}</Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {[p.providerName, p.schedule].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Flex justify="space-between" align="center" style={{ marginTop: 10 }}>
                <Typography.Text type={full ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                  {p.capacity !== null
                    ? full
                      ? t('services.m.full')
                      : t('services.m.slots', { n: p.capacity - p.openOrders })
                    : ''}
                </Typography.Text>
                <Button
                  type="primary"
                  size="large"
                  disabled={full}
                  onClick={() => choose(p)}
                  data-testid={`order-${p.title}`}
                >
                  {t('services.m.orderThis')}
                </Button>
              </Flex>
            </div>
          );
        })
      ) : (
        <div className="linli-public-card">
          <Empty description={t('services.m.noServices')} />
        </div>
      )}
      <Button
        block
        size="large"
        onClick={() => choose('need')}
        style={{ marginBottom: 12 }}
        data-testid="post-need"
      >
        {t('services.m.postNeed')}
      </Button>
      {chosen ? (
        <div ref={formRef}>
          <PublicSection
            title={chosen === 'need' ? t('services.m.postNeed') : chosen.title}
            testId="order-form"
          >
            <Form
              form={form}
              layout="vertical"
              size="large"
              initialValues={{ forWhom: 'self' }}
              onFinish={(v) => submit.mutate(v)}
            >
              {chosen === 'need' ? (
                <>
                  <Form.Item name="title" label={t('services.m.needTitle')} rules={[{ required: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name="category"
                    label={t('services.field.category')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={SERVICE_CATEGORIES.map((c) => ({
                        value: c,
                        label: labelOf(t, 'services.category', c),
                      }))}
                    />
                  </Form.Item>
                </>
              ) : null}
              <Form.Item name="forWhom" label={t('services.m.forWhom')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'self', label: t('services.m.forSelf') },
                    { value: 'other', label: t('services.m.forOther') },
                  ]}
                  data-testid="for-whom"
                />
              </Form.Item>
              {forWhom !== 'other' ? (
                <Form.Item name="payWithTime" valuePropName="checked">
                  <Checkbox data-testid="pay-with-time">{t('services.m.payWithTime')}</Checkbox>
                </Form.Item>
              ) : null}
              {forWhom === 'other' ? (
                <>
                  <Form.Item
                    name="beneficiaryName"
                    label={t('services.m.beneficiaryName')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={50} data-testid="beneficiary-name" />
                  </Form.Item>
                  <Form.Item name="beneficiaryPhone" label={t('services.m.beneficiaryPhone')}>
                    <Input maxLength={20} inputMode="tel" data-testid="beneficiary-phone" />
                  </Form.Item>
                  <Form.Item name="beneficiaryAddress" label={t('services.m.beneficiaryAddress')}>
                    <Input maxLength={200} data-testid="beneficiary-address" />
                  </Form.Item>
                </>
              ) : null}
              <Form.Item name="preferredAt" label={t('services.m.preferredAt')}>
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 15 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  inputReadOnly
                />
              </Form.Item>
              <Form.Item name="description" label={t('services.m.description')}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="order-description" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                className="linli-public-submit"
                loading={submit.isPending}
                data-testid="submit-order"
              >
                {t('services.m.submit')}
              </Button>
            </Form>
          </PublicSection>
        </div>
      ) : null}
    </PublicShell>
  );
}
