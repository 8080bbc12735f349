import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  type ButtonProps,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { DIVERT_CHANNELS, SATISFACTION, WO_KINDS, WO_PRIORITIES } from '../../../shared/contracts/workOrders';
import { ApiError } from '../../app/api';
import { applyFormErrors } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect, orgApi, orgKeys } from '../org/api';
import {
  type ActionInput,
  type WoAction,
  type WoKind,
  type WoPriority,
  type WorkOrderDetail,
  woApi,
  woKeys,
} from './api';
import { DANGER_ACTIONS, NOTE_REQUIRED } from './meta';
import { PendingExtension, PhotoPicker } from './parts';

interface Values {
  note?: string;
  publicNote?: string;
  unitId?: string;
  priority?: WoPriority;
  categoryCode?: string;
  kind?: WoKind;
  to?: (typeof DIVERT_CHANNELS)[number];
  duplicateOfId?: string;
  workingDays?: number;
  departments?: string[];
  participantId?: string;
  resolved?: boolean;
  satisfaction?: (typeof SATISFACTION)[number];
  unitFault?: boolean;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Builds the action's body (actionBody in the shared contracts) from the modal's fields. */
function toBody(action: WoAction, v: Values, attachmentIds: string[]): ActionInput {
  const note = trimmed(v.note);
  switch (action) {
    case 'classify':
      return { action, categoryCode: v.categoryCode, priority: v.priority, kind: v.kind, note };
    case 'dispatch':
      return { action, unitId: v.unitId, priority: v.priority, note };
    case 'divert':
      return { action, to: v.to!, note: note ?? '' };
    case 'link_duplicate':
      return { action, duplicateOfId: v.duplicateOfId ?? '', note };
    case 'reassign':
      return { action, unitId: v.unitId ?? '', note: note ?? '' };
    case 'request_extension':
      return { action, workingDays: v.workingDays ?? 1, note: note ?? '' };
    case 'whistle':
      return { action, departments: v.departments ?? [], note };
    case 'participant_report':
      return { action, participantId: v.participantId ?? '', note: note ?? '' };
    case 'reply':
      return { action, note: note ?? '', publicNote: trimmed(v.publicNote), attachmentIds };
    case 'follow_up':
      return {
        action,
        resolved: !!v.resolved,
        satisfaction: v.satisfaction ?? 'satisfied',
        unitFault: !!v.unitFault,
        note,
      };
    case 'cancel':
    case 'return':
    case 'reject_return':
    case 'reject_extension':
    case 'close':
      return { action, note: note ?? '' };
    default:
      return { action, note };
  }
}

/** The unit the API dispatches to by default: the order's grid, else its community (R-WO-4). */
function DefaultUnit({ order }: { order: WorkOrderDetail }) {
  const { t } = useI18n();
  const id = order.gridId ?? order.communityId;
  const unit = useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => orgApi.detail(id!),
    enabled: !!id,
    staleTime: 60_000,
  });
  if (!id) return <>{t('wo.act.noDefaultUnit')}</>;
  return <>{t('wo.act.defaultUnit', { name: unit.data?.name ?? '…' })}</>;
}

/** A small form for one action; the server's 409 (with the allowed actions) and 403 are shown inside. */
export function ActionModal({
  order,
  action,
  onClose,
}: {
  order: WorkOrderDetail;
  action: WoAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const satisfaction = Form.useWatch('satisfaction', form);
  const categories = useQuery({
    queryKey: woKeys.categories,
    queryFn: woApi.categories,
    staleTime: 300_000,
    enabled: action === 'classify' || action === 'whistle',
  });
  const [dupSearch, setDupSearch] = useState('');
  const dupFound = useQuery({
    queryKey: ['work-orders', 'search', dupSearch],
    queryFn: () => woApi.search(dupSearch),
    enabled: action === 'link_duplicate' && dupSearch.trim().length >= 2,
  });

  const close = () => {
    setError(null);
    setPhotos([]);
    onClose();
  };

  const submit = async (v: Values) => {
    if (!action) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await woApi.act(order.id, toBody(action, v, photos));
      qc.setQueryData(woKeys.detail(order.id), updated);
      await qc.invalidateQueries({ queryKey: ['work-orders', 'list'] });
      await qc.invalidateQueries({ queryKey: ['work-orders', 'count'] });
      message.success(t('wo.act.done', { action: t(`wo.action.${action}`), number: order.number }));
      close();
    } catch (e) {
      const { applied } = applyFormErrors(form, e);
      if (applied === 0) setError(e instanceof Error ? e : new Error(String(e)));
      // The order changed under us (someone else acted): show the current state and its actions.
      if (e instanceof ApiError && (e.status === 409 || e.status === 403)) {
        await qc.invalidateQueries({ queryKey: woKeys.detail(order.id) });
      }
    } finally {
      setSaving(false);
    }
  };

  const allowed =
    error instanceof ApiError && Array.isArray(error.details?.allowed)
      ? (error.details.allowed as WoAction[])
      : null;
  const noteRequired = !!action && NOTE_REQUIRED.has(action);
  const noteLabel =
    action === 'reply'
      ? t('wo.act.replyNote')
      : action === 'participant_report'
        ? t('wo.act.participantNote')
        : noteRequired
          ? t('wo.act.reason')
          : t('wo.act.note');

  const departments = [
    ...new Set((categories.data ?? []).map((c) => c.department).filter((d): d is string => !!d)),
  ];
  const dupOptions = [
    ...order.possibleDuplicates.map((d) => ({
      value: d.id,
      label: `${d.number} · ${t(`wo.status.${d.status}` as 'wo.status.submitted')}${
        d.distanceM !== null ? ` · ${t('wo.distance', { m: d.distanceM })}` : ''
      }`,
    })),
    ...(dupFound.data?.items ?? [])
      .filter((o) => o.id !== order.id && !order.possibleDuplicates.some((d) => d.id === o.id))
      .map((o) => ({ value: o.id, label: `${o.number} · ${o.description.slice(0, 24)}` })),
  ];

  return (
    <Modal
      open={!!action}
      title={action ? `${t(`wo.action.${action}`)} · ${order.number}` : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={action ? t(`wo.action.${action}`) : t('common.confirm')}
      okButtonProps={
        {
          loading: saving,
          // The order moved on: this action is no longer possible (the 409 listed what is).
          disabled: !!allowed && !!action && !allowed.includes(action),
          danger: !!action && DANGER_ACTIONS.has(action),
          'data-testid': 'wo-action-submit',
        } as ButtonProps
      }
      destroyOnHidden
      data-testid="wo-action-modal"
    >
      {action ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{
            priority: order.priority,
            workingDays: 3,
            resolved: true,
            satisfaction: 'satisfied',
            unitFault: false,
            to: '110',
          }}
        >
          {action in HINTS ? (
            <Typography.Paragraph type="secondary">
              {t(HINTS[action as keyof typeof HINTS])}
            </Typography.Paragraph>
          ) : null}
          {action === 'dispatch' || action === 'reassign' ? (
            <Form.Item
              name="unitId"
              label={t('wo.act.unit')}
              rules={
                action === 'reassign' ? [{ required: true, message: t('wo.act.unitRequired') }] : undefined
              }
              extra={action === 'dispatch' ? <DefaultUnit order={order} /> : undefined}
            >
              <OrgUnitSelect
                selectableKinds={['grid', 'community', 'subdistrict']}
                style={{ width: '100%' }}
                data-testid="wo-action-unit"
              />
            </Form.Item>
          ) : null}
          {action === 'dispatch' || action === 'classify' ? (
            <Form.Item name="priority" label={t('wo.priority')}>
              <Radio.Group
                optionType="button"
                options={WO_PRIORITIES.map((p) => ({ value: p, label: t(`wo.priority.${p}`) }))}
              />
            </Form.Item>
          ) : null}
          {action === 'classify' ? (
            <>
              <Form.Item name="categoryCode" label={t('wo.category')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={order.categoryName ?? order.categoryCode}
                  options={(categories.data ?? []).map((c) => ({
                    value: c.code,
                    label: locale === 'en' ? c.nameEn : c.nameZh,
                  }))}
                />
              </Form.Item>
              <Form.Item name="kind" label={t('wo.kind')}>
                <Select
                  allowClear
                  placeholder={t(`wo.kind.${order.kind}`)}
                  options={WO_KINDS.map((k) => ({ value: k, label: t(`wo.kind.${k}`) }))}
                />
              </Form.Item>
            </>
          ) : null}
          {action === 'divert' ? (
            <Form.Item name="to" label={t('wo.act.divertTo')} rules={[{ required: true }]}>
              <Select
                options={DIVERT_CHANNELS.map((c) => ({ value: c, label: t(`wo.divert.${c}`) }))}
                data-testid="wo-action-divert"
              />
            </Form.Item>
          ) : null}
          {action === 'link_duplicate' ? (
            <Form.Item
              name="duplicateOfId"
              label={t('wo.act.duplicateOf')}
              rules={[{ required: true, message: t('wo.act.duplicateRequired') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setDupSearch }}
                options={dupOptions}
                placeholder={t('wo.act.duplicatePlaceholder')}
                loading={dupFound.isFetching}
                data-testid="wo-action-duplicate"
              />
            </Form.Item>
          ) : null}
          {action === 'request_extension' ? (
            <Form.Item
              name="workingDays"
              label={t('wo.act.workingDays')}
              rules={[{ required: true }]}
              extra={t('wo.act.workingDaysHint')}
            >
              <InputNumber min={1} max={15} precision={0} data-testid="wo-action-days" />
            </Form.Item>
          ) : null}
          {action === 'approve_extension' || action === 'reject_extension' ? (
            order.pendingExtension ? (
              <PendingExtension extension={order.pendingExtension} style={{ marginBottom: 16 }} />
            ) : null
          ) : null}
          {action === 'whistle' ? (
            <Form.Item
              name="departments"
              label={t('wo.act.departments')}
              rules={[{ required: true, message: t('wo.act.departmentsRequired') }]}
              extra={t('wo.act.departmentsHint')}
            >
              <Select
                mode="tags"
                options={departments.map((d) => ({ value: d, label: d }))}
                data-testid="wo-action-departments"
              />
            </Form.Item>
          ) : null}
          {action === 'participant_report' ? (
            <Form.Item
              name="participantId"
              label={t('wo.act.participant')}
              rules={[{ required: true, message: t('wo.act.participantRequired') }]}
            >
              <Select
                options={order.participants
                  .filter((p) => p.status !== 'reported')
                  .map((p) => ({ value: p.id, label: p.department }))}
                data-testid="wo-action-participant"
              />
            </Form.Item>
          ) : null}
          {action === 'follow_up' ? (
            <>
              <Form.Item name="resolved" label={t('wo.followup.resolved')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    {
                      value: true,
                      label: <span data-testid="wo-action-resolved-yes">{t('wo.followup.resolvedYes')}</span>,
                    },
                    {
                      value: false,
                      label: <span data-testid="wo-action-resolved-no">{t('wo.followup.resolvedNo')}</span>,
                    },
                  ]}
                />
              </Form.Item>
              <Form.Item name="satisfaction" label={t('wo.followup.satisfaction')}>
                <Radio.Group
                  optionType="button"
                  options={SATISFACTION.map((s) => ({
                    value: s,
                    label: (
                      <span data-testid={`wo-action-satisfaction-${s}`}>{t(`wo.satisfaction.${s}`)}</span>
                    ),
                  }))}
                />
              </Form.Item>
              {satisfaction === 'dissatisfied' ? (
                <Form.Item
                  name="unitFault"
                  label={t('wo.followup.unitFault')}
                  valuePropName="checked"
                  extra={t('wo.followup.unitFaultHint')}
                >
                  <Switch data-testid="wo-action-unit-fault" />
                </Form.Item>
              ) : null}
            </>
          ) : null}
          <Form.Item
            name="note"
            label={noteLabel}
            rules={
              noteRequired
                ? [{ required: true, whitespace: true, message: t('wo.act.noteRequired') }]
                : undefined
            }
          >
            <Input.TextArea
              rows={3}
              maxLength={action === 'reply' || action === 'participant_report' ? 2000 : 1000}
              showCount
              data-testid="wo-action-note"
            />
          </Form.Item>
          {action === 'reply' ? (
            <>
              <Form.Item name="publicNote" label={t('wo.act.publicNote')} extra={t('wo.act.publicNoteHint')}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="wo-action-public-note" />
              </Form.Item>
              <Form.Item label={t('wo.act.photos')}>
                <PhotoPicker upload={woApi.upload} onChange={setPhotos} testId="wo-action-photo" />
              </Form.Item>
            </>
          ) : null}
          {error ? (
            <Alert
              type="error"
              showIcon
              data-testid="wo-action-error"
              title={error.message}
              description={
                allowed ? (
                  <span>
                    {t('wo.act.allowedNow')}{' '}
                    {allowed.length
                      ? allowed.map((a) => t(`wo.action.${a}`)).join('、')
                      : t('wo.act.allowedNone')}
                  </span>
                ) : undefined
              }
            />
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}

const HINTS = {
  dispatch: 'wo.hint.dispatch',
  accept: 'wo.hint.accept',
  return: 'wo.hint.return',
  request_extension: 'wo.hint.request_extension',
  whistle: 'wo.hint.whistle',
  reply: 'wo.hint.reply',
  follow_up: 'wo.hint.follow_up',
  divert: 'wo.hint.divert',
  link_duplicate: 'wo.hint.link_duplicate',
  supervise: 'wo.hint.supervise',
  remind: 'wo.hint.remind',
} as const;
