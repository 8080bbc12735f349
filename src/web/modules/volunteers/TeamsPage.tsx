import { enumOptions } from '../../app/components/enumOptions';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSaving } from '../../app/components/useSaving';
import { Link } from 'react-router';
import { useSearchPatch } from '../../app/useSearchPatch';
import { TEAM_KINDS } from '../../../shared/contracts/volunteers';
import { ErrorResult } from '../../app/components/Status';
import { formatDate } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { OpenRowsTable, UnitListFrame } from './listFrame';
import { type CreateTeamInput, type Team, volApi, volKeys } from './api';
import { KindTag, VolunteerPicker } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

type TeamKind = (typeof TEAM_KINDS)[number];

function CreateTeamModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateTeamInput>();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const create = (body: CreateTeamInput) => volApi.createTeam(body);
  return (
    <SubmitModal
      open={open}
      title={t('volunteers.teamCreate')}
      resetOnSave
      initialValues={{ kind: 'general' }}
      invalidate={volKeys.all}
      onClose={onClose}
      form={form}
      submit={create}
    >
      <Form.Item name="name" label={t('volunteers.teamName')} rules={[{ required: true }]}>
        <Input maxLength={60} data-testid="team-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('volunteers.teamKind')} rules={[{ required: true }]}>
        <Select options={enumOptions(t, 'volunteers.teamKind', TEAM_KINDS)} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('volunteers.community')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['community', 'grid']} />
      </Form.Item>
      <Form.Item name="leaderVolunteerId" label={t('volunteers.leader')}>
        <VolunteerPicker orgUnitId={orgUnitId} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('volunteers.description')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </SubmitModal>
  );
}

function TeamDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [pick, setPick] = useState<string>();
  const q = useQuery({ queryKey: volKeys.team(id ?? ''), queryFn: () => volApi.team(id!), enabled: !!id });
  const toastAndRefresh = { invalidate: volKeys.all, done: () => t('volunteers.done') };
  const add = useSaving((volunteerId: string) => volApi.addMember(id!, volunteerId, 'member'), {
    ...toastAndRefresh,
    after: () => setPick(undefined),
  });
  const remove = useSaving((volunteerId: string) => volApi.removeMember(id!, volunteerId), toastAndRefresh);
  const team = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} title={team?.name} size={560} destroyOnHidden>
      {q.isError ? <ErrorResult error={q.error} /> : null}
      {team ? (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Tag color={team.kind === 'emergency' ? 'red' : 'blue'}>
              {t(`volunteers.teamKind.${team.kind}` as MessageKey)}
            </Tag>
            <Tag>{team.communityName}</Tag>
            <Tag color="gold" data-testid="team-points">
              {t('volunteers.teamPoints', { n: team.points })}
            </Tag>
          </Flex>
          <Typography.Paragraph type="secondary">{t('volunteers.teamPointsHelp')}</Typography.Paragraph>
          {team.description ? <Typography.Paragraph>{team.description}</Typography.Paragraph> : null}
          {team.canWrite ? (
            <Flex gap={8} style={{ marginBottom: 12 }}>
              <VolunteerPicker value={pick} onChange={setPick} orgUnitId={team.communityId} />
              <Button
                type="primary"
                disabled={!pick}
                loading={add.isPending}
                onClick={() => pick && add.mutate(pick)}
              >
                {t('volunteers.addMember')}
              </Button>
            </Flex>
          ) : null}
          <SmallTable
            rowKey="volunteerId"
            dataSource={team.members}
            data-testid="team-members"
            columns={[
              {
                title: t('volunteers.name'),
                dataIndex: 'name',
                render: (n: string, r) => <Link to={`/volunteers/${r.volunteerId}`}>{n}</Link>,
              },
              { title: t('volunteers.kind'), dataIndex: 'kind', render: (k) => <KindTag kind={k} /> },
              {
                title: t('volunteers.role'),
                dataIndex: 'role',
                render: (r: string) =>
                  r === 'leader' ? (
                    <Tag color="gold">{t('volunteers.role.leader')}</Tag>
                  ) : (
                    t('volunteers.role.member')
                  ),
              },
              { title: t('volunteers.time'), dataIndex: 'joinedAt', render: formatDate },
              {
                title: '',
                render: (_: unknown, r) =>
                  team.canWrite ? (
                    <Popconfirm
                      title={t('volunteers.removeMember')}
                      onConfirm={() => remove.mutate(r.volunteerId)}
                    >
                      <Button size="small" danger type="link">
                        {t('volunteers.removeMember')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

export default function TeamsPage() {
  const { t } = useI18n();
  const [params, patch] = useSearchPatch();
  const orgUnitId = params.get('orgUnitId') || undefined;
  const open = params.get('team');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: volKeys.teams(orgUnitId), queryFn: () => volApi.teams(orgUnitId) });
  const set = (k: string, v: string | undefined) => patch({ [k]: v });
  return (
    <UnitListFrame
      title={t('volunteers.teamsTitle')}
      createLabel={t('volunteers.teamCreate')}
      createTestId="teams-create"
      onCreate={() => setCreating(true)}
      orgUnitId={orgUnitId}
      onUnit={(v) => set('orgUnitId', v)}
      dialogs={
        <>
          <CreateTeamModal open={creating} onClose={() => setCreating(false)} />
          <TeamDrawer id={open} onClose={() => set('team', undefined)} />
        </>
      }
    >
      <OpenRowsTable<Team>
        list={list}
        failed={list.isError}
        empty={t('volunteers.teamsEmpty')}
        onOpen={(r) => set('team', r.id)}
        data-testid="teams-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('volunteers.teamName'), dataIndex: 'name' },
          {
            title: t('volunteers.teamKind'),
            dataIndex: 'kind',
            render: (k: TeamKind) => (
              <Tag color={k === 'emergency' ? 'red' : 'blue'}>
                {t(`volunteers.teamKind.${k}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('volunteers.community'), dataIndex: 'communityName' },
          {
            title: t('volunteers.leader'),
            dataIndex: 'leaderName',
            render: (n: string | null) => n ?? '—',
          },
          { title: t('volunteers.memberCount'), dataIndex: 'memberCount', align: 'right' },
          { title: t('volunteers.teamPointsCol'), dataIndex: 'points', align: 'right' },
        ]}
      />
    </UnitListFrame>
  );
}
