import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, List, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  MILESTONE_NOTE_MAX,
  MILESTONE_TITLE_MAX,
  type MilestoneDto,
  type MilestonesDto,
} from '../../../shared/contracts/projects.milestones';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/Registry';
import { formatDateTime } from '../../app/format';
import { useSaving } from '../../app/components/useSaving';
import { ConfirmDangerLink } from '../../app/components/ConfirmDangerLink';
import { useI18n } from '../../app/i18n';
import { SectionCard } from './parts';

type Milestones = Wire<MilestonesDto>;
type Milestone = Wire<MilestoneDto>;
const enc = encodeURIComponent;
const key = (id: string) => ['projects', 'milestones', id] as const;

/**
 * The implementation plan of a selected project (R-PJ-4 动态跟踪) on its page: milestones by date with
 * done/overdue marks and progress; the project's community and subdistrict plan, move, complete and remove them.
 */
export function MilestonesCard({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [finishing, setFinishing] = useState<Milestone | null>(null);
  const q = useQuery({
    queryKey: key(applicationId),
    queryFn: () => api.get<Milestones>(`/api/projects/applications/${enc(applicationId)}/milestones`),
  });
  const change = useSaving(
    (v: { id: string; remove?: boolean; body?: Record<string, unknown> }) =>
      v.remove
        ? api.del<Milestones>(`/api/projects/milestones/${enc(v.id)}`)
        : api.patch<Milestones>(`/api/projects/milestones/${enc(v.id)}`, v.body),
    {
      invalidate: key(applicationId),
      done: () => t('common.saved'),
    },
  );
  const m = q.data;
  if (!m) return null;
  const lastDay = m.lastDay ? dayjs(m.lastDay) : null;
  return (
    <SectionCard
      title={t('projects.milestones.title')}
      data-testid="project-milestones"
      extra={
        m.canEdit ? (
          <Button size="small" onClick={() => setEditing('new')} data-testid="milestone-add">
            {t('projects.milestones.add')}
          </Button>
        ) : null
      }
    >
      {m.total > 0 ? (
        <Space style={{ marginBottom: 8 }} wrap>
          <Progress type="line" percent={Math.round((m.done / m.total) * 100)} style={{ width: 200 }} />
          <Typography.Text>
            {t('projects.milestones.progress', { done: m.done, total: m.total })}
          </Typography.Text>
          {m.overdue > 0 ? (
            <Tag color="red">{t('projects.milestones.overdueCount', { n: m.overdue })}</Tag>
          ) : null}
        </Space>
      ) : null}
      <List
        size="small"
        dataSource={m.items}
        locale={{ emptyText: t('projects.milestones.empty') }}
        renderItem={(it) => (
          <List.Item
            actions={
              m.canEdit
                ? it.doneAt
                  ? [
                      <Button
                        key="reopen"
                        type="link"
                        size="small"
                        onClick={() => change.mutate({ id: it.id, body: { done: false } })}
                      >
                        {t('projects.milestones.reopen')}
                      </Button>,
                    ]
                  : [
                      <Button
                        key="done"
                        type="link"
                        size="small"
                        onClick={() => setFinishing(it)}
                        data-testid="milestone-done"
                      >
                        {t('projects.milestones.done')}
                      </Button>,
                      <Button key="edit" type="link" size="small" onClick={() => setEditing(it)}>
                        {t('common.edit')}
                      </Button>,
                      <ConfirmDangerLink
                        key="remove"
                        title={t('projects.milestones.removeConfirm')}
                        onConfirm={() => change.mutate({ id: it.id, remove: true })}
                      >
                        {t('common.delete')}
                      </ConfirmDangerLink>,
                    ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text delete={false} strong={!it.doneAt}>
                    {it.title}
                  </Typography.Text>
                  {it.doneAt ? (
                    <Tag color="green">{t('projects.milestones.isDone')}</Tag>
                  ) : it.overdue ? (
                    <Tag color="red">{t('projects.milestones.isOverdue')}</Tag>
                  ) : (
                    <Tag>{t('projects.milestones.pending')}</Tag>
                  )}
                </Space>
              }
              description={
                <>
                  <div>
                    {t('projects.milestones.dueOn')}：{it.dueOn}
                    {it.note ? `　${it.note}` : ''}
                  </div>
                  {it.doneAt ? (
                    <div>
                      {t('projects.milestones.doneAt', {
                        at: formatDateTime(it.doneAt),
                        by: it.doneByName ?? '',
                      })}
                      {it.doneNote ? `：${it.doneNote}` : ''}
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      {editing ? (
        <FormModal
          title={editing === 'new' ? t('projects.milestones.add') : t('projects.milestones.edit')}
          invalidate={key(applicationId)}
          onClose={() => setEditing(null)}
          empty={editing === 'new' ? 'omit' : 'null'}
          initialValues={
            editing === 'new'
              ? {}
              : { title: editing.title, dueOn: dayjs(editing.dueOn), note: editing.note ?? '' }
          }
          submit={(body) =>
            editing === 'new'
              ? api.post(`/api/projects/applications/${enc(applicationId)}/milestones`, body)
              : api.patch(`/api/projects/milestones/${enc(editing.id)}`, body)
          }
        >
          <Form.Item name="title" label={t('projects.milestones.name')} rules={[{ required: true }]}>
            <Input maxLength={MILESTONE_TITLE_MAX} data-testid="milestone-title" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('projects.milestones.dueOn')} rules={[{ required: true }]}>
            <DatePicker
              data-testid="milestone-due"
              disabledDate={(d) => (lastDay ? d.isAfter(lastDay, 'day') : false)}
            />
          </Form.Item>
          <Form.Item name="note" label={t('projects.milestones.note')}>
            <Input.TextArea rows={2} maxLength={MILESTONE_NOTE_MAX} showCount />
          </Form.Item>
        </FormModal>
      ) : null}
      {finishing ? (
        <FormModal
          title={t('projects.milestones.doneTitle', { title: finishing.title })}
          invalidate={key(applicationId)}
          onClose={() => setFinishing(null)}
          submit={(body) =>
            api.patch(`/api/projects/milestones/${enc(finishing.id)}`, { ...body, done: true })
          }
        >
          <Form.Item name="doneNote" label={t('projects.milestones.doneNote')}>
            <Input.TextArea rows={3} maxLength={MILESTONE_NOTE_MAX} showCount />
          </Form.Item>
        </FormModal>
      ) : null}
    </SectionCard>
  );
}
