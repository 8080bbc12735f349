import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MEETING_CADENCES,
  MEMBER_ROLES,
  type MeetingCadence,
  type MemberRole,
} from '../../../shared/contracts/keyTasks';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { formValues } from '../../app/formValues';
import { OrgUnitSelect } from '../org/api';
import { type GroupDetail, ktApi, ktKeys } from './api';

type Member = GroupDetail['members'][number];
const opt = (v?: string | null) => (v?.trim() ? v.trim() : null);

function useRoleOptions() {
  const { t } = useI18n();
  return MEMBER_ROLES.map((r) => ({ value: r, label: t(`keyTasks.role.${r}` as MessageKey) }));
}

/** 成立领导小组 (new) or edit its name, office, head, deputy and duties (R-TK-1; seed 003 appendix 1). */
export function GroupModal({
  group,
  onClose,
  onSaved,
}: {
  group: GroupDetail | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useI18n();
  const roles = useRoleOptions();
  type V = {
    orgUnitId?: string;
    name: string;
    officeUnit?: string;
    officeHead?: string;
    officeDeputy?: string;
    duties?: string;
    meetingCadence?: MeetingCadence;
    since?: Dayjs;
    members?: { role: MemberRole; name: string; post: string; unit?: string }[];
  };
  const save = (v: V) => {
    const office = {
      name: v.name,
      officeUnit: opt(v.officeUnit),
      officeHead: opt(v.officeHead),
      officeDeputy: opt(v.officeDeputy),
      duties: opt(v.duties),
      meetingCadence: v.meetingCadence ?? null,
    };
    return group
      ? ktApi.updateGroup(group.id, office)
      : ktApi.createGroup({
          ...office,
          orgUnitId: v.orgUnitId!,
          since: v.since!.format('YYYY-MM-DD'),
          members: (v.members ?? []).map((m) => ({ ...m, unit: opt(m.unit) })),
        });
  };
  return (
    <SubmitModal
      width={group ? 560 : 860}
      title={group ? t('keyTasks.form.editGroup') : t('keyTasks.form.newGroup')}
      initialValues={
        group
          ? formValues(group, [
              'name',
              'officeUnit',
              'officeHead',
              'officeDeputy',
              'duties',
              'meetingCadence',
            ])
          : { since: dayjs(), members: [{ role: 'leader' }] }
      }
      invalidate={ktKeys.all}
      savedText={t('keyTasks.form.saved')}
      onSaved={(g) => onSaved?.(g.id)}
      onClose={onClose}
      submit={save}
    >
      {group ? null : (
        <Form.Item name="orgUnitId" label={t('keyTasks.form.groupUnit')} rules={[{ required: true }]}>
          <OrgUnitSelect selectableKinds={['city', 'district', 'subdistrict']} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('keyTasks.form.groupName')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="officeUnit" label={t('keyTasks.groups.office')}>
          <Input maxLength={60} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="officeHead" label={t('keyTasks.groups.officeHead')}>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="officeDeputy" label={t('keyTasks.groups.officeDeputy')}>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="duties" label={t('keyTasks.form.duties')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="meetingCadence" label={t('keyTasks.cadence.label')} extra={t('keyTasks.cadence.hint')}>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('keyTasks.cadence.none')}
          options={MEETING_CADENCES.map((c) => ({ value: c, label: t(`keyTasks.cadence.${c}`) }))}
        />
      </Form.Item>
      {group ? null : (
        <>
          <Form.Item name="since" label={t('keyTasks.form.since')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.List
            name="members"
            rules={[
              {
                validator: async (_, ms?: { role?: string }[]) => {
                  if ((ms ?? []).filter((m) => m?.role === 'leader').length !== 1)
                    throw new Error(t('keyTasks.form.oneLeader'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <div style={{ marginBottom: 8 }}>{t('keyTasks.form.members')}</div>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                      <Select options={roles} style={{ width: 100 }} aria-label={t('keyTasks.groups.role')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t('keyTasks.groups.name')} maxLength={40} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input placeholder={t('keyTasks.form.unit')} maxLength={60} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'post']} rules={[{ required: true }]}>
                      <Input
                        placeholder={t('keyTasks.form.postOnly')}
                        maxLength={120}
                        style={{ width: 240 }}
                      />
                    </Form.Item>
                    <MinusCircleOutlined
                      aria-label={t('keyTasks.form.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
                  {t('keyTasks.form.addRow')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </SubmitModal>
  );
}

/** Add a member, or replace one (`member`): the replaced member leaves the same day and stays in the history. */
export function MemberModal({
  groupId,
  member,
  onClose,
}: {
  groupId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const roles = useRoleOptions();
  const save = (v: {
    role: MemberRole;
    name: string;
    post: string;
    unit?: string;
    since: Dayjs;
    note?: string;
  }) =>
    ktApi.addMember(groupId, {
      role: member ? member.role : v.role,
      name: v.name,
      post: v.post,
      unit: opt(v.unit),
      since: v.since.format('YYYY-MM-DD'),
      note: opt(v.note),
      replacesId: member?.id ?? null,
    });
  return (
    <SubmitModal
      title={member ? t('keyTasks.groups.replaceTitle', { name: member.name }) : t('keyTasks.form.addMember')}
      initialValues={{
        role: 'member',
        post: member?.post,
        unit: member?.unit ?? undefined,
        since: dayjs(),
      }}
      invalidate={ktKeys.all}
      savedText={t('keyTasks.form.saved')}
      onClose={onClose}
      submit={save}
    >
      {member ? null : (
        <Form.Item name="role" label={t('keyTasks.groups.role')} rules={[{ required: true }]}>
          <Select options={roles} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={member ? t('keyTasks.groups.newName') : t('keyTasks.groups.name')}
        rules={[{ required: true }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="unit" label={t('keyTasks.form.unit')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="post" label={t('keyTasks.form.postOnly')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="since" label={t('keyTasks.groups.since')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('keyTasks.form.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </SubmitModal>
  );
}

/** A member leaves without a successor (离任): the date and a note; the row moves to the history. */
export function EndMemberModal({
  groupId,
  member,
  onClose,
}: {
  groupId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const save = (v: { on: Dayjs; note?: string }) =>
    ktApi.endMember(groupId, member.id, { on: v.on.format('YYYY-MM-DD'), note: opt(v.note) });
  return (
    <SubmitModal
      title={t('keyTasks.form.endTitle', { name: member.name })}
      initialValues={{ on: dayjs() }}
      invalidate={ktKeys.all}
      savedText={null}
      onClose={onClose}
      submit={save}
    >
      <Form.Item name="on" label={t('keyTasks.groups.leftOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('keyTasks.form.note')}>
        <Input maxLength={200} placeholder={t('keyTasks.form.endNote')} />
      </Form.Item>
    </SubmitModal>
  );
}
