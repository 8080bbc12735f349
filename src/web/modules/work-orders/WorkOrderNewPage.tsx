import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { WO_CHANNELS, WO_KINDS, WO_PRIORITIES } from '../../../shared/contracts/workOrders';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ProxyFields, type ProxyFormValues, proxyPayload } from '../../app/components/ProxyFields';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type IntakeInput, type WoKind, type WoPriority, woApi, woKeys } from './api';
import { PhotoPicker } from './parts';
import type { LatLng } from './PointMap';
import { TerritoryMap } from './TerritoryMap';

interface FormValues {
  kind: WoKind;
  channel: IntakeInput['channel'];
  categoryCode: string;
  priority: WoPriority;
  description: string;
  address?: string;
  buildingId?: string;
  communityId?: string;
  requesterName?: string;
  requesterPhone?: string;
  answerNow?: boolean;
  answeredOnSpot?: string;
  resolveNow?: boolean;
  resolvedOnSpot?: string;
  proxy?: ProxyFormValues;
}

const blank = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

/** Staff intake (hotline, station, grid patrol …): records the request and routes it to its territory. */
export default function WorkOrderNewPage() {
  const { t, locale } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [point, setPoint] = useState<LatLng | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const answerNow = Form.useWatch('answerNow', form);
  const resolveNow = Form.useWatch('resolveNow', form);
  const categories = useQuery({ queryKey: woKeys.categories, queryFn: woApi.categories, staleTime: 300_000 });

  const gridWorker = !!me?.assignments.some((a) => a.role === 'grid_worker');
  const mayResolve = can('work_orders.handle');

  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      const body: IntakeInput = {
        kind: v.kind,
        channel: v.channel,
        categoryCode: v.categoryCode,
        priority: v.priority,
        description: v.description.trim(),
        address: blank(v.address),
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        buildingId: v.buildingId ?? null,
        communityId: v.communityId ?? null,
        requesterName: blank(v.requesterName),
        requesterPhone: blank(v.requesterPhone),
        attachmentIds: photos,
        answeredOnSpot: v.kind === 'consult' && v.answerNow ? blank(v.answeredOnSpot) : null,
        resolvedOnSpot: mayResolve && v.resolveNow ? blank(v.resolvedOnSpot) : null,
        proxy: proxyPayload(v.proxy),
      };
      const created = await woApi.create(body);
      message.success(t('wo.created', { number: created.number }));
      await qc.invalidateQueries({ queryKey: woKeys.all });
      navigate(`/work-orders/${created.id}`);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <PageHeader title={t('wo.createTitle')} subtitle={t('wo.createSubtitle')} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        data-testid="wo-form"
        initialValues={{
          kind: gridWorker ? 'event' : 'help',
          channel: gridWorker ? 'grid_patrol' : 'hotline',
          priority: 'regular',
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title={t('wo.section.matter')} style={{ marginBottom: 16 }}>
              <Form.Item name="kind" label={t('wo.kind')} required data-testid="field-kind">
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={WO_KINDS.map((k) => ({
                    value: k,
                    label: <span data-testid={`wo-kind-${k}`}>{t(`wo.kind.${k}`)}</span>,
                  }))}
                />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="categoryCode"
                    label={t('wo.category')}
                    rules={[{ required: true, message: t('wo.categoryRequired') }]}
                    data-testid="field-categoryCode"
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('wo.categoryPlaceholder')}
                      loading={categories.isPending}
                      options={(categories.data ?? []).map((c) => ({
                        value: c.code,
                        label: locale === 'en' ? c.nameEn : c.nameZh,
                      }))}
                      data-testid="wo-category"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('wo.channel')} data-testid="field-channel">
                    <Select
                      options={WO_CHANNELS.filter((c) => c !== 'open311').map((c) => ({
                        value: c,
                        label: t(`wo.channel.${c}`),
                      }))}
                      data-testid="wo-channel"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="priority"
                label={t('wo.priority')}
                extra={t('wo.priorityHint')}
                data-testid="field-priority"
              >
                <Radio.Group
                  optionType="button"
                  options={WO_PRIORITIES.map((p) => ({ value: p, label: t(`wo.priority.${p}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('wo.description')}
                rules={[{ required: true, whitespace: true, message: t('wo.descriptionRequired') }]}
                data-testid="field-description"
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder={t('wo.descriptionPlaceholder')}
                  data-testid="wo-description"
                />
              </Form.Item>
              <Form.Item label={t('wo.photos')} extra={t('wo.photo.hint')}>
                <PhotoPicker
                  upload={woApi.upload}
                  onChange={setPhotos}
                  testId="wo-photo"
                  onError={showError}
                />
              </Form.Item>
            </Card>
            <Card title={t('wo.section.requester')} style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="requesterName"
                    label={t('wo.requesterName')}
                    data-testid="field-requesterName"
                  >
                    <Input maxLength={50} data-testid="wo-requester-name" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="requesterPhone"
                    label={t('wo.requesterPhone')}
                    data-testid="field-requesterPhone"
                  >
                    <Input
                      maxLength={20}
                      inputMode="tel"
                      data-testid="wo-requester-phone"
                      autoComplete="off"
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <ProxyFields />
            {kind === 'consult' || mayResolve ? (
              <Card title={t('wo.section.onSpot')} style={{ marginBottom: 16 }}>
                {kind === 'consult' ? (
                  <>
                    <Form.Item name="answerNow" valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox data-testid="wo-answer-now">{t('wo.answerNow')}</Checkbox>
                    </Form.Item>
                    {answerNow ? (
                      <Form.Item
                        name="answeredOnSpot"
                        label={t('wo.answeredOnSpot')}
                        rules={[{ required: true, whitespace: true, message: t('wo.answerRequired') }]}
                        data-testid="field-answeredOnSpot"
                      >
                        <Input.TextArea rows={3} maxLength={2000} data-testid="wo-answered" />
                      </Form.Item>
                    ) : null}
                  </>
                ) : null}
                {mayResolve ? (
                  <>
                    <Form.Item
                      name="resolveNow"
                      valuePropName="checked"
                      style={{ marginBottom: 8 }}
                      extra={t('wo.resolveNowHint')}
                    >
                      <Checkbox data-testid="wo-resolve-now">{t('wo.resolveNow')}</Checkbox>
                    </Form.Item>
                    {resolveNow ? (
                      <Form.Item
                        name="resolvedOnSpot"
                        label={t('wo.resolvedOnSpot')}
                        rules={[{ required: true, whitespace: true, message: t('wo.resolveRequired') }]}
                        data-testid="field-resolvedOnSpot"
                      >
                        <Input.TextArea rows={3} maxLength={2000} data-testid="wo-resolved" />
                      </Form.Item>
                    ) : null}
                  </>
                ) : null}
              </Card>
            ) : null}
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('wo.section.location')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {t('wo.locationHint')}
              </Typography.Paragraph>
              <Form.Item label={t('wo.point')} data-testid="field-lng">
                <TerritoryMap value={point} onChange={setPoint} />
              </Form.Item>
              <Form.Item name="buildingId" label={t('wo.building')} data-testid="field-buildingId">
                <OrgUnitSelect
                  selectableKinds={['building']}
                  searchKind="building"
                  placeholder={t('wo.buildingPlaceholder')}
                  style={{ width: '100%' }}
                  data-testid="wo-building"
                />
              </Form.Item>
              <Form.Item name="address" label={t('wo.address')} data-testid="field-address">
                <Input maxLength={200} placeholder={t('wo.addressPlaceholder')} data-testid="wo-address" />
              </Form.Item>
              <Form.Item
                name="communityId"
                label={t('wo.communityHint')}
                extra={t('wo.communityHintExtra')}
                data-testid="field-communityId"
              >
                <OrgUnitSelect
                  selectableKinds={['community']}
                  searchKind="community"
                  style={{ width: '100%' }}
                  data-testid="wo-community"
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        {resolveNow && !point ? (
          <Alert type="info" showIcon title={t('wo.resolveNeedsPlace')} style={{ marginBottom: 16 }} />
        ) : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="wo-submit">
            {t('wo.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </div>
  );
}
