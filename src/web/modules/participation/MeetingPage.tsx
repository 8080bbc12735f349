import { CalendarOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { PageTable } from '../../app/components/PageTable';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { codeColumn, dashColumn } from '../../app/components/columns';
import { type MeetingDetail, delibApi, ptApi, ptKeys } from './api';
import { STATUS_COLOR, basisName, kindName } from './meta';
import { SmallTable } from '../../app/components/SmallTable';

/** One meeting: the quorum in words, the sign-in desk, motions and votes, closing, corrections, minutes. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const q = useQuery({ queryKey: ptKeys.meeting(id), queryFn: () => ptApi.meeting(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const m = q.data;
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={`${m.unitName ?? ''} · ${kindName(m.kind, locale)}`}
        extra={<Actions m={m} />}
      />
      <Alert
        type={m.quorum.met ? 'success' : m.status === 'scheduled' ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12, fontSize: 16 }}
        message={m.quorum.words}
        data-testid="quorum-words"
      />
      {m.warnings.map((w) => (
        <Alert
          key={w}
          type="warning"
          style={{ marginBottom: 12 }}
          message={t(`participation.warning.${w}` as MessageKey)}
        />
      ))}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('participation.field.status')}>
            <Tag color={STATUS_COLOR[m.status]}>{t(`participation.status.${m.status}` as MessageKey)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('participation.field.heldAt')}>
            {formatDateTime(m.heldAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('participation.field.noticeAt')}>
            {formatDateTime(m.noticeAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('participation.field.basis')}>
            {basisName(m.basis, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('participation.field.frozenOn')}>
            {formatDate(m.frozenOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('participation.field.place')}>{m.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('participation.field.host')}>{m.host ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('participation.field.rule')} span={2}>
            {t(`participation.rule.${m.rule.source}` as MessageKey)}
            {m.rule.noticeDays ? `；${t('participation.rule.notice', { days: m.rule.noticeDays })}` : ''}
          </Descriptions.Item>
          {m.agenda ? (
            <Descriptions.Item label={t('participation.field.agenda')} span={3}>
              {m.agenda}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {m.actions.includes('sign_in') ? <SignInDesk m={m} /> : null}
      <Motions m={m} />
      <Card
        size="small"
        title={t('participation.detail.attendance', { n: m.attendance.length })}
        style={{ marginBottom: 12 }}
      >
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {m.attendance.map((a) => a.name).join('、') || '—'}
        </Typography.Paragraph>
      </Card>
      {m.status === 'closed' ? (
        <Card size="small" title={t('participation.detail.minutes')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {m.minutes ?? '—'}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {m.status === 'closed' ? <Corrections m={m} /> : null}
    </>
  );
}

function useMeetingMutation<T>(
  m: MeetingDetail,
  fn: (v: T) => Promise<MeetingDetail>,
  form?: ReturnType<typeof Form.useForm>[0],
) {
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const { t } = useI18n();
  return useMutation({
    mutationFn: fn,
    onSuccess: (next) => {
      qc.setQueryData(ptKeys.meeting(m.id), next);
      qc.invalidateQueries({ queryKey: ['participation', 'meetings'] });
      qc.invalidateQueries({ queryKey: ['participation', 'meeting', m.id, 'electors'] });
      message.success(t('participation.detail.saved'));
      form?.resetFields();
    },
    onError: (e) => showError(e, form),
  });
}

function Actions({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [minutes, setMinutes] = useState('');
  const open = useMeetingMutation(m, () => ptApi.open(m.id));
  const close = useMeetingMutation(m, (text: string) => ptApi.close(m.id, text));
  return (
    <Space wrap>
      {m.actions.includes('open') ? (
        <Button type="primary" loading={open.isPending} onClick={() => open.mutate(undefined)}>
          {t('participation.detail.open')}
        </Button>
      ) : null}
      {m.actions.includes('close') ? (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: t('participation.detail.closeConfirm'),
              content: (
                <Input.TextArea
                  rows={5}
                  placeholder={t('participation.detail.minutes')}
                  onChange={(e) => setMinutes(e.target.value)}
                  defaultValue={minutes}
                />
              ),
              onOk: () => close.mutateAsync(minutes),
            })
          }
        >
          {t('participation.detail.close')}
        </Button>
      ) : null}
      {m.status === 'open' && m.basis !== 'members' && m.actions.includes('close') ? (
        <QrButton id={m.id} />
      ) : null}
      <Button icon={<FilePdfOutlined />} onClick={() => ptApi.minutesPdf(m.id)}>
        {t('participation.detail.pdf')}
      </Button>
      <Button icon={<CalendarOutlined />} onClick={() => ptApi.inviteIcs(m.id)}>
        {t('participation.detail.ics')}
      </Button>
    </Space>
  );
}

/** The sign-in QR code residents scan at the door (recorded as present when among those due). */
function QrButton({ id }: { id: string }) {
  const { t } = useI18n();
  const [show, setShow] = useState(false);
  const qr = useQuery({
    queryKey: ['participation', 'meeting', id, 'qr'],
    queryFn: () => delibApi.meetingQr(id),
    enabled: show,
  });
  return (
    <>
      <Button onClick={() => setShow(true)}>{t('participation.qr.button')}</Button>
      <Modal open={show} title={t('participation.qr.button')} footer={null} onCancel={() => setShow(false)}>
        <p>{t('participation.qr.hint')}</p>
        {qr.data ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders the QR code as SVG from our own URL
          <div style={{ textAlign: 'center' }} dangerouslySetInnerHTML={{ __html: qr.data.svg }} />
        ) : null}
      </Modal>
    </>
  );
}

function SignInDesk({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const sign = useMeetingMutation(m, (body: { residentIds?: string[]; memberNames?: string[] }) =>
    ptApi.signIn(m.id, body),
  );
  const electors = useQuery({
    queryKey: ptKeys.electors(m.id, search, page),
    queryFn: () => ptApi.electors(m.id, search, page),
    enabled: m.basis !== 'members',
  });
  return (
    <Card
      size="small"
      title={t('participation.detail.signIn')}
      style={{ marginBottom: 12 }}
      extra={t('participation.detail.signInHint')}
    >
      {m.basis === 'members' ? (
        <Space wrap>
          {m.members.map((x) => (
            <Checkbox
              key={x.name}
              checked={x.present}
              disabled={x.present || sign.isPending}
              onChange={() => sign.mutate({ memberNames: [x.name] })}
            >
              {x.name}
              {x.gender === 'female' ? '（女）' : ''}
            </Checkbox>
          ))}
        </Space>
      ) : (
        <>
          <Input.Search
            allowClear
            style={{ width: 240, marginBottom: 8 }}
            placeholder={t('participation.detail.search')}
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
          />
          <PageTable
            list={electors}
            page={page}
            onPage={setPage}
            rowKey="residentId"
            columns={[
              { title: t('participation.detail.search'), dataIndex: 'name' },
              dashColumn(t('participation.detail.household'), 'household'),
              {
                title: '',
                key: 'sign',
                width: 100,
                render: (_: unknown, e) =>
                  e.present ? (
                    <Tag color="green">{t('participation.detail.present')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      loading={sign.isPending}
                      onClick={() => sign.mutate({ residentIds: [e.residentId] })}
                    >
                      {t('participation.detail.sign')}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function Motions({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [voting, setVoting] = useState<string | null>(null);
  const add = useMeetingMutation(
    m,
    (v: { title: string; ballot: 'open' | 'secret' }) => ptApi.motion(m.id, v),
    form,
  );
  return (
    <Card size="small" title={t('participation.detail.motions')} style={{ marginBottom: 12 }}>
      {m.status === 'open' && !m.quorum.met ? (
        <Alert type="warning" style={{ marginBottom: 8 }} message={t('participation.detail.noQuorum')} />
      ) : null}
      <SmallTable
        rowKey="id"
        dataSource={m.motions}
        columns={[
          { title: t('participation.detail.motionTitle'), dataIndex: 'title' },
          codeColumn(t, t('participation.detail.ballot'), 'ballot', 110, 'participation.detail.ballot'),
          {
            title: t('participation.detail.record'),
            key: 'result',
            render: (_: unknown, x) =>
              x.words ? (
                <Tag color={x.passed ? 'green' : 'red'}>
                  {t('participation.detail.yes')} {x.yes} · {t('participation.detail.no')} {x.no} ·{' '}
                  {t('participation.detail.abstain')} {x.abstain} — {x.words}
                </Tag>
              ) : m.actions.includes('vote') ? (
                <Button size="small" onClick={() => setVoting(x.id)}>
                  {t('participation.detail.record')}
                </Button>
              ) : (
                <Tag>{t('participation.detail.notVoted')}</Tag>
              ),
          },
        ]}
      />
      {m.actions.includes('motion') ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(v) => add.mutate(v)}
          initialValues={{ ballot: 'open' }}
        >
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input
              style={{ width: 320 }}
              placeholder={t('participation.detail.motionTitle')}
              maxLength={200}
            />
          </Form.Item>
          <Form.Item name="ballot">
            <Radio.Group
              options={['open', 'secret'].map((b) => ({
                value: b,
                label: t(`participation.detail.ballot.${b}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('participation.detail.motionNew')}
          </Button>
        </Form>
      ) : null}
      {voting ? <VoteModal m={m} motionId={voting} onClose={() => setVoting(null)} /> : null}
    </Card>
  );
}

function VoteModal({ m, motionId, onClose }: { m: MeetingDetail; motionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const vote = useMeetingMutation(
    m,
    (v: { yes: number; no: number; abstain: number }) => ptApi.vote(m.id, motionId, v),
    form,
  );
  return (
    <Modal
      open
      title={t('participation.detail.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={vote.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ yes: 0, no: 0, abstain: 0 }}
        onFinish={(v) => vote.mutateAsync(v).then(onClose, () => undefined)}
      >
        <Typography.Paragraph>{m.quorum.words}</Typography.Paragraph>
        <Space>
          {(['yes', 'no', 'abstain'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`participation.detail.${k}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={m.quorum.present} precision={0} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}

function Corrections({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const add = useMeetingMutation(m, (v: { text: string }) => ptApi.correct(m.id, v.text), form);
  return (
    <Card
      size="small"
      title={t('participation.detail.corrections')}
      extra={t('participation.detail.correctHint')}
    >
      {m.corrections.map((c) => (
        <Typography.Paragraph key={c.id}>
          {formatDateTime(c.createdAt)}：{c.text}
        </Typography.Paragraph>
      ))}
      {m.actions.includes('correct') ? (
        <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="text" rules={[{ required: true }]}>
            <Input style={{ width: 420 }} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('participation.detail.correct')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
