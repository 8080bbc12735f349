import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useI18n } from '../../app/i18n';
import { formValues } from '../../app/formValues';
import { ListRows } from '../../app/components/ListRows';
import { OrgUnitSelect } from '../org/api';
import { type Task, type TaskDetail, type TaskList, ktApi, ktKeys } from './api';

const opt = (v?: string | null) => (v?.trim() ? v.trim() : null);

/** The owners' rows as the form holds them (a row left half-filled is required by its fields' rules). */
export type OwnerValues = { unit?: string; post?: string; name?: string }[] | undefined;

/** The owners rows of a task form as the body sends them: only rows of units still listed. */
export const ownersOf = (rows: OwnerValues, units: string[]): Task['owners'] =>
  (rows ?? [])
    .filter((o) => o?.unit && units.includes(o.unit) && o.post?.trim() && o.name?.trim())
    .map((o) => ({ unit: o.unit!, post: o.post!.trim(), name: o.name!.trim() }));

/**
 * 新建重点任务清单: the owning unit, the leading group that follows it, the programme's title and source, and
 * its phases (name and months; the phase keys are made here, never shown).
 */
export function ListModal({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useI18n();
  const groups = useQuery({ queryKey: ktKeys.groups, queryFn: ktApi.groups });
  type V = {
    orgUnitId: string;
    groupId?: string;
    title: string;
    source?: string;
    phases?: { name: string; range: [Dayjs, Dayjs] }[];
  };
  const save = (v: V) =>
    ktApi.createList({
      orgUnitId: v.orgUnitId,
      groupId: v.groupId ?? null,
      title: v.title,
      source: opt(v.source),
      phases: (v.phases ?? []).map((p, i) => ({
        key: `phase_${i + 1}`,
        name: p.name,
        from: p.range[0].format('YYYY-MM-DD'),
        to: p.range[1].format('YYYY-MM-DD'),
      })),
    });
  return (
    <SubmitModal
      width={760}
      title={t('keyTasks.form.newList')}
      invalidate={ktKeys.all}
      savedText={t('keyTasks.form.saved')}
      onSaved={(l) => onSaved(l.id)}
      onClose={onClose}
      submit={save}
    >
      <Form.Item name="orgUnitId" label={t('keyTasks.form.listUnit')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['city', 'district', 'subdistrict']} />
      </Form.Item>
      <Form.Item name="title" label={t('keyTasks.form.listTitle')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="source" label={t('keyTasks.form.listSource')}>
        <Input maxLength={200} placeholder={t('keyTasks.form.listSourceHint')} />
      </Form.Item>
      <Form.Item name="groupId" label={t('keyTasks.form.listGroup')}>
        <Select
          allowClear
          loading={groups.isPending}
          options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
      </Form.Item>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <>
            <div style={{ marginBottom: 8 }}>{t('keyTasks.tasks.phases')}</div>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder={t('keyTasks.form.phaseName')} maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'range']} rules={[{ required: true }]}>
                  <DatePicker.RangePicker />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('keyTasks.form.remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add()}
              disabled={fields.length >= 12}
            >
              {t('keyTasks.form.addPhase')}
            </Button>
          </>
        )}
      </Form.List>
    </SubmitModal>
  );
}

/** Edit a task (R-TK-1): content, responsible units, lead, deadline, phase; the change is kept on its timeline. */
export function EditTaskModal({
  task,
  list,
  onClose,
}: {
  task: TaskDetail;
  list: TaskList | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const units: string[] = Form.useWatch('units', form) ?? task.units;
  type V = {
    content: string;
    units: string[];
    owners?: OwnerValues;
    lead?: string;
    dueOn: Dayjs;
    deadlineText?: string;
    phase?: string;
    milestones?: { title: string; dueOn: Dayjs; doneOn?: Dayjs | null }[];
    note?: string;
  };
  const save = (v: V) =>
    ktApi.updateTask(task.id, {
      content: v.content,
      units: v.units,
      owners: ownersOf(v.owners, v.units),
      lead: v.lead && v.units.includes(v.lead) ? v.lead : (v.units[0] ?? null),
      dueOn: v.dueOn.format('YYYY-MM-DD'),
      deadlineText: opt(v.deadlineText),
      phase: v.phase ?? null,
      milestones: (v.milestones ?? [])
        .filter((m) => m?.title && m.dueOn)
        .map((m) => ({
          title: m.title,
          dueOn: m.dueOn.format('YYYY-MM-DD'),
          doneOn: m.doneOn ? m.doneOn.format('YYYY-MM-DD') : null,
        })),
      note: opt(v.note),
    });
  return (
    <SubmitModal
      title={t('keyTasks.form.editTask', { n: task.number })}
      initialValues={{
        ...formValues(task, ['content', 'units', 'owners', 'lead', 'deadlineText', 'phase']),
        dueOn: dayjs(task.dueOn),
        milestones: task.milestones.map((m) => ({
          title: m.title,
          dueOn: dayjs(m.dueOn),
          doneOn: m.doneOn ? dayjs(m.doneOn) : null,
        })),
      }}
      invalidate={ktKeys.all}
      savedText={t('keyTasks.form.saved')}
      onClose={onClose}
      form={form}
      submit={save}
    >
      <ContentField />
      <UnitsField />
      <Form.Item name="lead" label={t('keyTasks.form.lead')}>
        <Select allowClear options={units.map((u) => ({ value: u, label: u }))} />
      </Form.Item>
      <OwnersField units={units} />
      <Space wrap>
        <DueOnField />
        <DeadlineTextField />
      </Space>
      <PhaseField list={list} />
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 12 }}>
            <div style={{ marginBottom: 8 }}>{t('keyTasks.milestones.title')}</div>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                  <Input placeholder={t('keyTasks.milestones.name')} maxLength={100} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                  <DatePicker placeholder={t('keyTasks.milestones.dueOn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'doneOn']}>
                  <DatePicker placeholder={t('keyTasks.milestones.doneOn')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              {t('keyTasks.milestones.add')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="note" label={t('keyTasks.form.editNote')}>
        <Input maxLength={500} placeholder={t('keyTasks.form.editNoteHint')} />
      </Form.Item>
    </SubmitModal>
  );
}

/** A task's content (its wording in the list), as the new-task and edit forms ask it. */
export function ContentField() {
  const { t } = useI18n();
  return (
    <Form.Item name="content" label={t('keyTasks.field.content')} rules={[{ required: true }]}>
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );
}

/** A task's responsible units, typed as tags (a pasted list splits on 、 and commas); `extra` is said below. */
export function UnitsField({ extra }: { extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="units" label={t('keyTasks.field.units')} extra={extra} rules={[{ required: true }]}>
      <Select mode="tags" tokenSeparators={['、', ',', '，']} />
    </Form.Item>
  );
}

/**
 * Per responsible unit, its responsible post and person (seed 002 四(一) 责任到岗、责任到人, S002-37): rows of
 * a unit picked among the task's units, the post and the name.
 */
export function OwnersField({ units }: { units: string[] }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 16 }}>
      <ListRows
        name="owners"
        heading={t('keyTasks.owners.title')}
        addText={t('keyTasks.owners.add')}
        blank={{}}
      >
        {(f) => (
          <>
            <Form.Item name={[f.name, 'unit']} rules={[{ required: true }]}>
              <Select
                style={{ width: 180 }}
                placeholder={t('keyTasks.owners.unit')}
                aria-label={t('keyTasks.owners.unit')}
                options={units.map((u) => ({ value: u, label: u }))}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'post']} rules={[{ required: true, whitespace: true }]}>
              <Input
                maxLength={60}
                style={{ width: 160 }}
                placeholder={t('keyTasks.owners.post')}
                aria-label={t('keyTasks.owners.post')}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
              <Input
                maxLength={40}
                style={{ width: 110 }}
                placeholder={t('keyTasks.owners.name')}
                aria-label={t('keyTasks.owners.name')}
              />
            </Form.Item>
          </>
        )}
      </ListRows>
      <div>
        <Typography.Text type="secondary">{t('keyTasks.owners.hint')}</Typography.Text>
      </div>
    </div>
  );
}

/** A task's deadline, a day. */
export function DueOnField() {
  const { t } = useI18n();
  return (
    <Form.Item name="dueOn" label={t('keyTasks.field.dueOn')} rules={[{ required: true }]}>
      <DatePicker />
    </Form.Item>
  );
}

/** The deadline as the list words it (年底前, 长期坚持 …), shown instead of the day. */
export function DeadlineTextField() {
  const { t } = useI18n();
  return (
    <Form.Item name="deadlineText" label={t('keyTasks.field.deadlineText')}>
      <Input maxLength={40} />
    </Form.Item>
  );
}

/** The phase of the list a task falls in, asked only when the list has phases. */
export function PhaseField({ list }: { list: TaskList | undefined }) {
  const { t } = useI18n();
  return list?.phases.length ? (
    <Form.Item name="phase" label={t('keyTasks.field.phase')}>
      <Select allowClear options={list.phases.map((p) => ({ value: p.key, label: p.name }))} />
    </Form.Item>
  ) : null;
}
