import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type Key, useState } from 'react';
import { useLocation } from 'react-router';
import {
  BODY_KINDS,
  ELECTION_KINDS,
  ELECTION_METHODS,
  POSTS,
  REVIEW_FORMS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
} from '../../../shared/contracts/self-governance';
import { AddButton } from '../../app/components/AddButton';
import { enumOptions } from '../../app/components/enumOptions';
import { useAuth } from '../../app/auth';
import { ColItem } from '../../app/components/ColItem';
import { UrlTabsPage } from '../../app/components/UrlTabsPage';
import { ListRows } from '../../app/components/ListRows';
import { CreateRegistry, FormModal, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { ErrorResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { chinaToday } from '../../app/format';
import { codeColumn, dashColumn } from '../../app/components/columns';
import { CommunityFilter, OrgUnitSelect } from '../org/api';
import { type Body, type Election, type Vacancy, sgApi, sgKeys } from './api';
import { FilterSelect } from '../../app/components/FilterSelect';
import { SmallTable } from '../../app/components/SmallTable';

type Position = Body['positions'][number];
const req = [{ required: true }];
const INVALIDATE = ['self-governance'];
const TRAINING_FORMS = ['topic', 'secondment', 'mentoring', 'study_tour'];

/** 基层自治组织: overview, bodies and posts, vacancies, elections, training and reviews (issue 16 §3). */
export default function SelfGovernancePage() {
  const { t } = useI18n();
  const [communityId, setCommunityId] = useState<string | undefined>();
  return (
    <UrlTabsPage
      title={t('sg.title')}
      subtitle={t('sg.subtitle')}
      defaultTab="overview"
      tabBarExtraContent={
        <CommunityFilter value={communityId} onChange={setCommunityId} placeholder={t('sg.allCommunities')} />
      }
      items={[
        { key: 'overview', label: t('sg.tab.overview'), children: <OverviewTab orgUnitId={communityId} /> },
        { key: 'bodies', label: t('sg.tab.bodies'), children: <Bodies communityId={communityId} /> },
        {
          key: 'vacancies',
          label: t('sg.tab.vacancies'),
          children: <Vacancies communityId={communityId} />,
        },
        {
          key: 'elections',
          label: t('sg.tab.elections'),
          children: <Elections communityId={communityId} />,
        },
        { key: 'reviews', label: t('sg.tab.reviews'), children: <Reviews communityId={communityId} /> },
      ]}
    />
  );
}

function OverviewTab({ orgUnitId }: { orgUnitId?: string }) {
  const { t } = useI18n();
  const q = { orgUnitId };
  const ov = useQuery({ queryKey: sgKeys.overview(q), queryFn: () => sgApi.overview(q) });
  if (ov.isError) return <ErrorResult error={ov.error} onRetry={() => ov.refetch()} />;
  return (
    <Card size="small">
      <SmallTable
        rowKey="communityId"
        loading={ov.isPending}
        dataSource={ov.data?.rows}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('sg.community'), dataIndex: 'communityName', width: 120 },
          { title: t('sg.ov.bodies'), dataIndex: 'bodies', width: 70, align: 'right' },
          { title: t('sg.ov.positions'), dataIndex: 'positions', width: 70, align: 'right' },
          {
            title: t('sg.ov.vacancies'),
            key: 'vac',
            width: 110,
            render: (_: unknown, r) =>
              r.openVacancies ? (
                <Space size={4}>
                  <span>{r.openVacancies}</span>
                  {r.overdueVacancies ? (
                    <Tag color="red">{`${t('sg.ov.overdue')} ${r.overdueVacancies}`}</Tag>
                  ) : null}
                </Space>
              ) : (
                0
              ),
          },
          {
            title: t('sg.ov.oneShoulder'),
            dataIndex: 'oneShoulder',
            width: 130,
            render: (v: string | null) => (v ? <Tag color="purple">{v}</Tag> : '—'),
          },
          dashColumn(t('sg.ov.lastElection'), 'lastElection', 110),
          { title: t('sg.ov.trainings'), dataIndex: 'trainingsThisYear', width: 80, align: 'right' },
          { title: t('sg.ov.reviews'), dataIndex: 'reviewsThisYear', width: 80, align: 'right' },
          {
            title: t('sg.ov.flags'),
            dataIndex: 'flags',
            render: (flags: string[]) => {
              const shown = flags.filter((f) => f !== 'one_shoulder');
              return shown.length
                ? shown.map((f) => (
                    <Tag
                      key={f}
                      color={f === 'vacancy_overdue' || f.startsWith('no_committee') ? 'red' : 'orange'}
                    >
                      {t(`sg.flag.${f}` as MessageKey)}
                    </Tag>
                  ))
                : t('sg.ov.ok');
            },
          },
        ]}
      />
    </Card>
  );
}

function Bodies({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('self_governance.manage');
  const [kind, setKind] = useState<string | undefined>();
  const [adding, setAdding] = useState<Body | null>(null);
  const [vacating, setVacating] = useState<Position | null>(null);
  const [filling, setFilling] = useState<Position | null>(null);
  const [collapsed, setCollapsed] = useState<readonly Key[] | null>(null);
  const paged = usePagedQuery(sgKeys.bodies, sgApi.bodies, { communityId, kind });
  const list = paged.list;
  const holder = (p: Position) =>
    p.vacantSince ? (
      <Tag color={(p.daysVacant ?? 0) > 30 ? 'red' : 'orange'}>
        {t('sg.vacant')}（{t('sg.vacantDays', { n: p.daysVacant ?? 0 })}）
      </Tag>
    ) : (
      <Space size={4}>
        <span>{p.personName}</span>
        {p.oneShoulder ? <Tag color="purple">{t('sg.oneShoulder')}</Tag> : null}
        {p.filledVia === 'by_election' ? <Tag>{t('sg.via.by_election')}</Tag> : null}
      </Space>
    );
  /** The 任期 column of a body and of its posts: "start 至 end", or — when neither is known. */
  const termColumn = {
    title: t('sg.term'),
    key: 'term',
    width: 220,
    render: (_: unknown, r: { termStart: string | null; termEnd: string | null }) =>
      r.termStart || r.termEnd ? `${r.termStart ?? '—'} 至 ${r.termEnd ?? '—'}` : '—',
  };
  return (
    <CreateRegistry<Body>
      permission="self_governance.manage"
      paged={paged}
      empty={t('sg.empty')}
      filters={
        <FilterSelect
          width={200}
          placeholder={t('sg.bodyKind')}
          value={kind}
          onChange={setKind}
          options={enumOptions(t, 'sg.kind', BODY_KINDS)}
        />
      }
      expandable={{
        // Every body shows its posts unless the user folds it.
        expandedRowKeys: collapsed ?? (list.data?.items ?? []).map((b) => b.id),
        onExpandedRowsChange: (keys) => setCollapsed(keys),
        expandedRowRender: (b) => (
          <SmallTable<Position>
            rowKey="id"
            dataSource={b.positions}
            columns={[
              codeColumn(t, t('sg.post'), 'post', 140, 'sg.post'),
              { title: t('sg.person'), key: 'holder', render: (_: unknown, p) => holder(p) },
              termColumn,
              {
                title: '',
                key: 'act',
                width: 110,
                render: (_: unknown, p) =>
                  manage ? (
                    p.vacantSince ? (
                      <Button size="small" onClick={() => setFilling(p)}>
                        {t('sg.fill')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => setVacating(p)}>
                        {t('sg.vacate')}
                      </Button>
                    )
                  ) : null,
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('sg.community'), dataIndex: 'communityName', width: 120 },
        { title: t('sg.name'), dataIndex: 'name' },
        codeColumn(t, t('sg.bodyKind'), 'kind', 180, 'sg.kind'),
        termColumn,
        {
          title: '',
          key: 'add',
          width: 110,
          render: (_: unknown, b) =>
            manage ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(b)}>
                {t('sg.newPosition')}
              </Button>
            ) : null,
        },
      ]}
      create={{
        invalidate: INVALIDATE,
        title: t('sg.newBody'),
        initialValues: { communityId },
        submit: (v) => sgApi.createBody(v),
      }}
      fields={
        <>
          <Form.Item name="communityId" label={t('sg.community')} rules={req}>
            <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
          </Form.Item>
          <Form.Item name="kind" label={t('sg.bodyKind')} rules={req}>
            <Select options={enumOptions(t, 'sg.kind', BODY_KINDS)} />
          </Form.Item>
          <Form.Item name="name" label={t('sg.name')} rules={req}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind', 'communityId']}>
            {({ getFieldValue }) =>
              getFieldValue('kind') === 'sub_committee' ? (
                <Form.Item name="parentId" label={t('sg.parent')} rules={req}>
                  <Select
                    options={(list.data?.items ?? [])
                      .filter(
                        (b) =>
                          (b.kind === 'residents_committee' || b.kind === 'villagers_committee') &&
                          b.communityId === getFieldValue('communityId'),
                      )
                      .map((b) => ({ value: b.id, label: b.name }))}
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={12} name="termStart" label={t('sg.termStart')}>
              <Input type="date" />
            </ColItem>
            <ColItem span={12} name="termEnd" label={t('sg.termEnd')}>
              <Input type="date" />
            </ColItem>
          </Row>
        </>
      }
    >
      {adding ? (
        <FormModal
          invalidate={INVALIDATE}
          title={`${t('sg.newPosition')}：${adding.name}`}
          onClose={() => setAdding(null)}
          submit={(v) => {
            const { isVacant, ...rest } = v;
            return sgApi.createPosition(
              adding.id,
              isVacant ? { ...rest, personName: null } : { ...rest, vacantSince: null, vacancyReason: null },
            );
          }}
        >
          <Form.Item name="post" label={t('sg.post')} rules={req}>
            <Select options={enumOptions(t, 'sg.post', POSTS)} />
          </Form.Item>
          <Form.Item name="isVacant" valuePropName="checked">
            <Checkbox>{t('sg.createVacant')}</Checkbox>
          </Form.Item>
          <Form.Item noStyle dependencies={['isVacant']}>
            {({ getFieldValue }) =>
              getFieldValue('isVacant') ? (
                <Row gutter={12}>
                  <ColItem span={12} name="vacantSince" label={t('sg.openedOn')} rules={req}>
                    <Input type="date" />
                  </ColItem>
                  <ColItem span={12} name="vacancyReason" label={t('sg.reason')}>
                    <Input maxLength={200} />
                  </ColItem>
                </Row>
              ) : (
                <Form.Item name="personName" label={t('sg.personName')} rules={req}>
                  <Input maxLength={40} />
                </Form.Item>
              )
            }
          </Form.Item>
        </FormModal>
      ) : null}
      {vacating ? (
        <FormModal
          invalidate={INVALIDATE}
          title={t('sg.vacate')}
          initialValues={{ openedOn: chinaToday() }}
          onClose={() => setVacating(null)}
          submit={(v) => sgApi.vacate(vacating.id, { ...v, version: vacating.version })}
        >
          <Typography.Paragraph>
            {t(`sg.post.${vacating.post}` as MessageKey)}：{vacating.personName}
          </Typography.Paragraph>
          <Form.Item name="openedOn" label={t('sg.openedOn')} rules={req}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="reason" label={t('sg.reason')} rules={req}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      ) : null}
      {filling ? (
        <FormModal
          invalidate={INVALIDATE}
          title={t('sg.fill')}
          initialValues={{ on: chinaToday(), via: 'by_election' }}
          onClose={() => setFilling(null)}
          submit={(v) => sgApi.fill(filling.id, { ...v, version: filling.version })}
        >
          <Form.Item name="personName" label={t('sg.personName')} rules={req}>
            <Input maxLength={40} />
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={12} name="via" label={t('sg.fillVia')} rules={req}>
              <Select
                options={(['by_election', 'appointment'] as const).map((v) => ({
                  value: v,
                  label: t(`sg.via.${v}`),
                }))}
              />
            </ColItem>
            <ColItem span={12} name="on" label={t('sg.fillOn')} rules={req}>
              <Input type="date" />
            </ColItem>
          </Row>
        </FormModal>
      ) : null}
    </CreateRegistry>
  );
}

function Vacancies({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const [onlyOverdue, setOnlyOverdue] = useState(
    new URLSearchParams(useLocation().search).get('tab') === 'vacancies',
  );
  const paged = usePagedQuery(sgKeys.vacancies, sgApi.vacancies, {
    communityId,
    overdue: onlyOverdue ? 'true' : undefined,
  });
  return (
    <RegistryCard<Vacancy>
      paged={paged}
      empty={t('sg.vc.empty')}
      toolbar={
        <Checkbox checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)}>
          {t('sg.vc.onlyOverdue')}
        </Checkbox>
      }
      columns={[
        { title: t('sg.community'), dataIndex: 'communityName', width: 120 },
        { title: t('sg.body'), dataIndex: 'bodyName', width: 180 },
        codeColumn(t, t('sg.post'), 'post', 100, 'sg.post'),
        { title: t('sg.vc.opened'), dataIndex: 'openedOn', width: 110 },
        { title: t('sg.reason'), dataIndex: 'reason', width: 140 },
        dashColumn(t('sg.vc.previous'), 'previousHolder', 100),
        { title: t('sg.vc.days'), dataIndex: 'daysOpen', width: 80, align: 'right' },
        {
          title: t('sg.vc.state'),
          key: 'state',
          width: 130,
          render: (_: unknown, v) =>
            v.closedOn ? (
              <Tag color="green">{t('sg.vc.closed')}</Tag>
            ) : v.overdue ? (
              <Tag color="red">{t('sg.vc.overdue')}</Tag>
            ) : (
              <Tag color="orange">{t('sg.vc.open')}</Tag>
            ),
        },
        {
          title: t('sg.vc.filled'),
          key: 'filled',
          render: (_: unknown, v) =>
            v.closedOn
              ? `${v.closedOn} ${v.filledBy}（${v.filledVia ? t(`sg.via.${v.filledVia}`) : ''}）`
              : '—',
        },
      ]}
    ></RegistryCard>
  );
}

function Elections({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const paged = usePagedQuery(sgKeys.elections, sgApi.elections, { communityId });
  const bq = { communityId, page: 1, pageSize: 200 };
  const bodies = useQuery({
    queryKey: sgKeys.bodies(bq),
    queryFn: () => sgApi.bodies(bq),
    enabled: creating,
  });
  return (
    <RegistryCard<Election>
      paged={paged}
      empty={t('sg.el.empty')}
      toolbar={
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sg.el.rule')} />
          {can('self_governance.manage') ? (
            <AddButton onClick={() => setCreating(true)}>{t('sg.el.new')}</AddButton>
          ) : null}
        </>
      }
      columns={[
        { title: t('sg.el.heldOn'), dataIndex: 'heldOn', width: 110 },
        { title: t('sg.community'), dataIndex: 'communityName', width: 110 },
        { title: t('sg.body'), dataIndex: 'bodyName', width: 170 },
        codeColumn(t, t('sg.el.kind'), 'kind', 90, 'sg.el.kind'),
        codeColumn(t, t('sg.el.method'), 'method', 110, 'sg.el.method'),
        {
          title: t('sg.el.turnout'),
          key: 'turnout',
          width: 150,
          render: (_: unknown, e) =>
            `${e.ballotsCast}/${e.electorate}（${Math.round(e.turnout * 1000) / 10}%）`,
        },
        {
          title: t('sg.el.elected'),
          key: 'elected',
          render: (_: unknown, e) =>
            e.results
              .filter((r) => r.elected)
              .map((r) => `${r.name}（${t(`sg.post.${r.post}` as MessageKey)}，${r.votes}票）`)
              .join('、'),
        },
        {
          title: t('sg.ov.flags'),
          dataIndex: 'flags',
          width: 170,
          render: (f: string[]) =>
            f.length
              ? f.map((x) => (
                  <Tag key={x} color="orange">
                    {t(`sg.el.flag.${x}` as MessageKey)}
                  </Tag>
                ))
              : '—',
        },
      ]}
    >
      {creating ? (
        <FormModal
          invalidate={INVALIDATE}
          title={t('sg.el.new')}
          width={760}
          initialValues={{
            kind: 'general',
            method: 'direct',
            heldOn: chinaToday(),
            results: [{ name: '', post: 'member', votes: 0, elected: true }],
          }}
          onClose={() => setCreating(false)}
          submit={(v) =>
            sgApi.createElection({
              ...v,
              results: ((v.results as { name?: string }[]) ?? []).filter((r) => r.name),
            })
          }
        >
          <Row gutter={12}>
            <ColItem span={12} name="bodyId" label={t('sg.body')} rules={req}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(bodies.data?.items ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.communityName ?? ''} ${b.name}`,
                }))}
              />
            </ColItem>
            <ColItem span={6} name="kind" label={t('sg.el.kind')} rules={req}>
              <Select options={enumOptions(t, 'sg.el.kind', ELECTION_KINDS)} />
            </ColItem>
            <ColItem span={6} name="method" label={t('sg.el.method')} rules={req}>
              <Select options={enumOptions(t, 'sg.el.method', ELECTION_METHODS)} />
            </ColItem>
            <Form.Item noStyle dependencies={['kind', 'bodyId']}>
              {({ getFieldValue }) =>
                getFieldValue('kind') === 'by_election' ? (
                  <ColItem span={12} name="positionId" label={t('sg.el.position')} rules={req}>
                    <Select
                      options={(
                        bodies.data?.items.find((b) => b.id === getFieldValue('bodyId'))?.positions ?? []
                      )
                        .filter((p) => p.vacantSince)
                        .map((p) => ({
                          value: p.id,
                          label: `${t(`sg.post.${p.post}` as MessageKey)}（${p.vacantSince}）`,
                        }))}
                    />
                  </ColItem>
                ) : null
              }
            </Form.Item>
            <ColItem span={4} name="heldOn" label={t('sg.el.heldOn')} rules={req}>
              <Input type="date" />
            </ColItem>
            <ColItem span={4} name="electorate" label={t('sg.el.electorate')} rules={req}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </ColItem>
            <ColItem span={4} name="ballotsCast" label={t('sg.el.ballots')} rules={req}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </ColItem>
          </Row>
          <ListRows
            name="results"
            heading={t('sg.el.results')}
            addText={t('sg.el.addCandidate')}
            blank={{ name: '', post: 'member', votes: 0, elected: false }}
          >
            {(f) => (
              <>
                <Form.Item name={[f.name, 'name']} noStyle>
                  <Input placeholder={t('sg.el.candidate')} maxLength={40} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'post']} noStyle>
                  <Select style={{ width: 140 }} options={enumOptions(t, 'sg.post', POSTS)} />
                </Form.Item>
                <Form.Item name={[f.name, 'votes']} noStyle>
                  <InputNumber min={0} placeholder={t('sg.el.votes')} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'elected']} valuePropName="checked" noStyle>
                  <Checkbox>{t('sg.el.elected')}</Checkbox>
                </Form.Item>
              </>
            )}
          </ListRows>
        </FormModal>
      ) : null}
    </RegistryCard>
  );
}

function Reviews({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string | undefined>();
  const paged = usePagedQuery(sgKeys.reviews, sgApi.reviews, { communityId, kind });
  return (
    <CreateRegistry
      permission="self_governance.manage"
      paged={paged}
      empty={t('sg.rv.empty')}
      filters={
        <FilterSelect
          width={140}
          placeholder={t('sg.rv.kind')}
          value={kind}
          onChange={setKind}
          options={enumOptions(t, 'sg.rv.kind', REVIEW_KINDS)}
        />
      }
      columns={[
        { title: t('sg.rv.heldOn'), dataIndex: 'heldOn', width: 110 },
        { title: t('sg.community'), dataIndex: 'communityName', width: 110 },
        codeColumn(t, t('sg.rv.kind'), 'kind', 70, 'sg.rv.kind'),
        codeColumn(t, t('sg.rv.form'), 'form', 100, 'sg.rv.form'),
        { title: t('sg.rv.title'), dataIndex: 'title' },
        dashColumn(t('sg.rv.participants'), 'participants', 80),
        dashColumn(t('sg.rv.person'), 'personName', 90),
        {
          title: t('sg.rv.result'),
          key: 'result',
          width: 130,
          render: (_: unknown, r) =>
            r.result
              ? `${t(`sg.rv.result.${r.result}` as MessageKey)}${r.score !== null ? `（${r.score}分）` : ''}`
              : '—',
        },
      ]}
      create={{
        invalidate: INVALIDATE,
        title: t('sg.rv.new'),
        initialValues: { communityId, kind: 'training', form: 'topic', heldOn: chinaToday() },
        submit: (v) => sgApi.createReview(v),
      }}
      fields={
        <>
          <Form.Item name="communityId" label={t('sg.community')} rules={req}>
            <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={8} name="kind" label={t('sg.rv.kind')} rules={req}>
              <Select options={enumOptions(t, 'sg.rv.kind', REVIEW_KINDS)} />
            </ColItem>
            <ColItem span={8} noStyle dependencies={['kind']}>
              {({ getFieldValue }) => (
                <Form.Item name="form" label={t('sg.rv.form')} rules={req}>
                  <Select
                    options={enumOptions(
                      t,
                      'sg.rv.form',
                      REVIEW_FORMS.filter(
                        (f) => TRAINING_FORMS.includes(f) === (getFieldValue('kind') === 'training'),
                      ),
                    )}
                  />
                </Form.Item>
              )}
            </ColItem>
            <ColItem span={8} name="heldOn" label={t('sg.rv.heldOn')} rules={req}>
              <Input type="date" />
            </ColItem>
          </Row>
          <Form.Item name="title" label={t('sg.rv.title')} rules={req}>
            <Input maxLength={120} />
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={6} name="participants" label={t('sg.rv.participants')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </ColItem>
            <ColItem span={6} name="personName" label={t('sg.rv.person')}>
              <Input maxLength={40} />
            </ColItem>
            <ColItem span={6} name="result" label={t('sg.rv.result')}>
              <Select allowClear options={enumOptions(t, 'sg.rv.result', REVIEW_RESULTS)} />
            </ColItem>
            <ColItem span={6} name="score" label={t('sg.rv.score')}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </ColItem>
          </Row>
        </>
      }
    />
  );
}
