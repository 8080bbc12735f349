import {
  AuditOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { specialGroupsMasked } from '../../../shared/i18n/labels';
import type { RegistrationStatus, SpecialGroupTag } from '../../../shared/orgKinds';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { QueryBoundary } from '../../app/components/Status';
import { useFormSaving } from '../../app/formSaving';
import { formatDateTime } from '../../app/format';
import { type TFunction, useI18n } from '../../app/i18n';
import { requiredText } from '../../app/formRules';
import { type PiiField, type ResidentDetailDto, residentKeys, residentsApi } from './api';
import { STATUS_COLORS, TAG_COLORS } from './ResidentsPage';

export default function ResidentDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: residentKeys.detail(id), queryFn: () => residentsApi.detail(id) });
  return (
    <QueryBoundary query={detail} skeletonRows={12}>
      {(r) => <ResidentDetail resident={r} />}
    </QueryBoundary>
  );
}

/** One personal field: masked by default; "show" fetches the full value, which the server audits. */
function PiiValue({ resident, field }: { resident: ResidentDetailDto; field: PiiField }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<string | null | undefined>(undefined);
  const [loading, runReveal] = useFormSaving();
  const masked = resident[field];
  if (masked === null) return <span data-testid={`value-${field}`}>—</span>;

  const reveal = async () => {
    await runReveal(async () => {
      const r = await residentsApi.reveal(resident.id, field);
      setRevealed(typeof r.value === 'string' ? r.value : null);
    });
  };

  const shown = revealed !== undefined;
  return (
    <Space wrap size={8}>
      <Typography.Text
        style={{ fontFamily: field === 'address' ? undefined : 'monospace' }}
        copyable={shown && revealed ? { text: revealed } : false}
        data-testid={`value-${field}`}
      >
        {shown ? (revealed ?? '—') : masked}
      </Typography.Text>
      {revealButtons(t, {
        shown,
        canReveal: resident.abilities.reveal,
        loading,
        onReveal: reveal,
        onHide: () => setRevealed(undefined),
        testId: `reveal-${field}`,
      })}
    </Space>
  );
}

/**
 * The reveal / hide controls beside a masked value: "revealed" and hide once shown, else reveal when allowed.
 * A function, not a component: its fragment's children must reach the surrounding `Space` as its own items.
 */
function revealButtons(
  t: TFunction,
  props: {
    shown: boolean;
    canReveal: boolean;
    loading: boolean;
    onReveal: () => void;
    onHide: () => void;
    testId: string;
  },
) {
  if (props.shown)
    return (
      <>
        <Tag color="orange">{t('residents.revealed')}</Tag>
        <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={props.onHide}>
          {t('residents.hide')}
        </Button>
      </>
    );
  if (!props.canReveal) return null;
  return (
    <Tooltip title={t('residents.revealTip')}>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={props.loading}
        onClick={props.onReveal}
        data-testid={props.testId}
      >
        {t('residents.reveal')}
      </Button>
    </Tooltip>
  );
}

/** Special-group tags: a count by default (特殊群体（2）); "show" fetches the tags, which the server audits. */
function SpecialGroupsValue({ resident }: { resident: ResidentDetailDto }) {
  const { t, label, locale } = useI18n();
  const [revealed, setRevealed] = useState<SpecialGroupTag[] | undefined>(undefined);
  const [loading, runReveal] = useFormSaving();
  if (resident.specialGroupCount === 0) return <span data-testid="value-tags">—</span>;
  const reveal = async () => {
    await runReveal(async () => {
      setRevealed(await residentsApi.revealTags(resident.id));
    });
  };
  return (
    <Space wrap size={8}>
      <span data-testid="value-tags">
        {revealed
          ? revealed.map((tag) => (
              <Tag key={tag} color={TAG_COLORS[tag]}>
                {label(tag)}
              </Tag>
            ))
          : specialGroupsMasked(resident.specialGroupCount, locale)}
      </span>
      {revealButtons(t, {
        shown: !!revealed,
        canReveal: resident.abilities.reveal,
        loading,
        onReveal: reveal,
        onHide: () => setRevealed(undefined),
        testId: 'reveal-tags',
      })}
    </Space>
  );
}

function ResidentDetail({ resident: r }: { resident: ResidentDetailDto }) {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [removing, setRemoving] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, runSave] = useFormSaving(form);

  const remove = async ({ reason }: { reason: string }) => {
    await runSave(async () => {
      await api.post(`/api/residents/${r.id}/remove`, { reason });
      message.success(t('residents.removed', { name: r.name }));
      await qc.invalidateQueries({ queryKey: ['residents'] });
      navigate('/residents', { replace: true });
    });
  };

  const columns = screens.md ? 2 : 1;
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'name', label: label('name'), children: <span data-testid="value-name">{r.name}</span> },
    { key: 'gender', label: label('gender'), children: label(r.gender) },
    { key: 'birthDate', label: label('birthDate'), children: r.birthDate ?? '—' },
    {
      key: 'registrationStatus',
      label: label('registrationStatus'),
      children: (
        <Tag color={STATUS_COLORS[r.registrationStatus as RegistrationStatus]}>
          {label(r.registrationStatus)}
        </Tag>
      ),
    },
    {
      key: 'idNumber',
      label: label('idNumber'),
      children: <PiiValue resident={r} field="idNumber" />,
      span: 2,
    },
    { key: 'phone', label: label('phone'), children: <PiiValue resident={r} field="phone" />, span: 2 },
    { key: 'address', label: label('address'), children: <PiiValue resident={r} field="address" />, span: 2 },
    { key: 'community', label: label('community'), children: r.communityName ?? '—' },
    { key: 'unit', label: label('unit'), children: r.unitName ?? '—' },
    { key: 'room', label: label('room'), children: r.room ?? '—' },
    {
      key: 'tags',
      label: label('tags'),
      children: <SpecialGroupsValue resident={r} />,
      span: 2,
    },
    { key: 'notes', label: label('notes'), children: r.notes ?? '—', span: 2 },
    {
      key: 'updatedAt',
      label: t('residents.updatedAt'),
      children: formatDateTime(r.updatedAt),
      span: 2,
    },
  ];

  return (
    <div data-testid="resident-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to="/residents">{t('residents.title')}</Link> },
          ...r.ancestors
            .filter((a) => ['community', 'grid', 'compound', 'building', 'household'].includes(a.kind))
            .map((a) => ({ key: a.id, title: <Link to={`/residents?orgUnitId=${a.id}`}>{a.name}</Link> })),
          { key: 'me', title: r.name },
        ]}
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {r.name}
          </Typography.Title>
          <Space wrap>
            {r.abilities.edit ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/residents/${r.id}/edit`)}
                data-testid="resident-edit"
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {can('audit.read') ? (
              <Button
                icon={<AuditOutlined />}
                onClick={() => navigate(`/audit?entityType=resident&entityId=${r.id}`)}
                data-testid="resident-audit"
              >
                {t('residents.viewAudit')}
              </Button>
            ) : null}
            {r.abilities.remove ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => setRemoving(true)}
                data-testid="resident-remove"
              >
                {t('residents.remove')}
              </Button>
            ) : null}
          </Space>
        </Flex>
        {r.abilities.reveal ? (
          <Alert type="info" showIcon title={t('residents.revealNotice')} style={{ marginBottom: 16 }} />
        ) : null}
        <Descriptions
          bordered
          size="middle"
          column={columns}
          items={items.map((i) => ({ ...i, span: Math.min(i.span ?? 1, columns) }))}
        />
      </Card>
      <Modal
        open={removing}
        title={t('residents.removeTitle', { name: r.name })}
        onCancel={() => setRemoving(false)}
        onOk={() => form.submit()}
        okText={t('residents.remove')}
        okButtonProps={
          { danger: true, loading: saving, 'data-testid': 'resident-remove-submit' } as ButtonProps
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={remove} preserve={false}>
          <Form.Item name="reason" label={t('residents.removeReason')} rules={requiredText(t)}>
            <Input.TextArea
              rows={3}
              maxLength={200}
              showCount
              placeholder={t('residents.removeReasonHint')}
              data-testid="resident-remove-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
