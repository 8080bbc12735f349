import {
  LockOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import type { z } from 'zod';
import type { UserDto, createUserBody, updateUserBody } from '../../../shared/contracts/accounts';
import { ROLE_UNIT_KINDS, ROLES, type Role } from '../../../shared/permissions';
import type { OrgKind } from '../../../shared/orgKinds';
import { AddButton } from '../../app/components/AddButton';
import { api, type Page } from '../../app/api';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryTable, sizedPaging } from '../../app/components/QueryTable';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { dashColumn } from '../../app/components/columns';
import { requiredText } from '../../app/formRules';
import { useEditModal } from '../../app/useEditModal';
import { OrgUnitSelect } from '../org/api';
import { usePaging } from '../../app/usePaging';
import { RemoveRowButton } from '../../app/components/RemoveRowButton';

type CreateUserBody = z.input<typeof createUserBody>;
type UpdateUserBody = z.input<typeof updateUserBody>;
type RoleRow = { role?: Role; orgUnitId?: string | null };

const ASSIGNABLE: readonly Role[] = ROLES.filter((r) => r !== 'resident');

function RolesField() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, v: RoleRow[] | undefined) => {
            if (!v?.length) throw new Error(t('common.required'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <Flex key={f.key} gap={8} align="flex-start" wrap data-testid="user-role-row">
              <Form.Item
                name={[f.name, 'role']}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ marginBottom: 8, width: 170 }}
              >
                <Select
                  placeholder={t('users.role')}
                  options={ASSIGNABLE.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  onChange={() => form.setFieldValue(['roles', f.name, 'orgUnitId'], undefined)}
                  data-testid="user-role-select"
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const role = form.getFieldValue(['roles', f.name, 'role']) as Role | undefined;
                  const platform = role === 'platform_admin';
                  return (
                    <Form.Item
                      name={[f.name, 'orgUnitId']}
                      rules={[{ required: !platform, message: t('common.required') }]}
                      style={{ marginBottom: 8, flex: 1, minWidth: 200 }}
                    >
                      <OrgUnitSelect
                        disabled={!role || platform}
                        placeholder={platform ? t('users.platformUnit') : t('users.unit')}
                        selectableKinds={role ? (ROLE_UNIT_KINDS[role] as readonly OrgKind[]) : undefined}
                        style={{ width: '100%' }}
                        data-testid="user-role-unit"
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <RemoveRowButton onClick={() => remove(f.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="user-add-role">
            {t('users.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

interface UserFormValues {
  username: string;
  displayName: string;
  title?: string;
  password?: string;
  roles: RoleRow[];
}

const toRoles = (rows: RoleRow[]) =>
  rows.map((r) => ({ role: r.role!, orgUnitId: r.role === 'platform_admin' ? null : (r.orgUnitId ?? null) }));

function UserModal({
  user,
  open,
  onClose,
}: {
  user: UserDto | null;
  open: boolean;
  onClose: (saved?: UserDto) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, runSave] = useFormSaving(form);
  const editing = !!user;

  const submit = (v: UserFormValues) =>
    runSave(async () => {
      const saved = user
        ? await api.patch<UserDto>(`/api/users/${user.id}`, {
            displayName: v.displayName,
            title: v.title?.trim() || null,
            roles: toRoles(v.roles),
          } satisfies UpdateUserBody)
        : await api.post<UserDto>('/api/users', {
            username: v.username,
            displayName: v.displayName,
            title: v.title?.trim() || null,
            password: v.password ?? '',
            roles: toRoles(v.roles),
          } satisfies CreateUserBody);
      onClose(saved);
    });

  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="user-form-submit"
      open={open}
      title={editing ? `${t('users.editTitle')} · ${user.displayName}` : t('users.create')}
      onCancel={() => onClose()}
      okText={t('common.save')}
      width={640}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        data-testid="user-form"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                title: user.title ?? undefined,
                roles: user.assignments.map((a) => ({ role: a.role, orgUnitId: a.orgUnitId })),
              }
            : { roles: [{}] }
        }
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={requiredText(t)}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input disabled={editing} maxLength={64} autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={requiredText(t)}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={50} data-testid="user-displayName" />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('users.jobTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        {editing ? null : <NewPasswordItem label={t('users.password')} testId="user-password" />}
        <Form.Item label={t('users.roles')} required>
          <RolesField />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/** A user's new password: required, the password rules as its hint. */
function NewPasswordItem({ label, testId }: { label: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="password"
      label={label}
      extra={t('users.passwordHint')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <Input.Password autoComplete="new-password" data-testid={testId} />
    </Form.Item>
  );
}

function PasswordModal({ user, onClose }: { user: UserDto | null; onClose: (done?: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, runSave] = useFormSaving(form);
  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="user-password-submit"
      open={!!user}
      title={`${t('users.resetPassword')} · ${user?.displayName ?? ''}`}
      onCancel={() => onClose()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ password }) => {
          if (!user) return;
          await runSave(async () => {
            await api.patch(`/api/users/${user.id}`, { password } satisfies UpdateUserBody);
            onClose(true);
          });
        }}
      >
        <NewPasswordItem label={t('users.newPassword')} testId="user-new-password" />
      </Form>
    </FormSaveModal>
  );
}

export default function UsersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const { page, pageSize, setPage, setPaging } = usePaging();
  const edit = useEditModal<UserDto>();
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const writable = can('users.write');

  const list = useQuery({
    queryKey: ['users', 'list', q, page, pageSize],
    queryFn: () => api.get<Page<UserDto>>('/api/users', { q: q || undefined, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['users'] });

  const patch = async (u: UserDto, body: UpdateUserBody, done: string) => {
    try {
      await api.patch(`/api/users/${u.id}`, body);
      message.success(done);
      await refresh();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 150,
      fixed: 'left',
      render: (v: string, u) => (
        <Space size={4} wrap>
          {v}
          {u.demo ? (
            <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="user-demo">
              {t('users.demo')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110 },
    { ...dashColumn(t('users.jobTitle'), 'title', 140), ellipsis: true },
    {
      title: t('users.roles'),
      dataIndex: 'assignments',
      render: (as: UserDto['assignments']) => (
        <Space size={[4, 4]} wrap>
          {as.map((a) => (
            <Tag key={`${a.role}-${a.orgUnitId}`} color={a.role === 'platform_admin' ? 'red' : 'blue'}>
              {t(`role.${a.role}`)} · {a.orgUnitName ?? t('layout.platform')}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      width: 130,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
          {u.locked ? (
            <Tag color="red" icon={<LockOutlined />}>
              {t('users.locked')}
            </Tag>
          ) : null}
          {u.twoFactorEnabled ? (
            <Tag color="blue" icon={<SafetyCertificateOutlined />} data-testid="user-two-factor">
              {t('users.twoFactor')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, u: UserDto) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => edit.openEdit(u)} data-testid="user-edit">
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setResetting(u)}
                  data-testid="user-reset-password"
                >
                  {t('users.resetPassword')}
                </Button>
                {u.locked ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<UnlockOutlined />}
                    onClick={() => patch(u, { unlock: true }, t('users.unlocked', { name: u.displayName }))}
                    data-testid="user-unlock"
                  >
                    {t('users.unlock')}
                  </Button>
                ) : null}
                {u.twoFactorEnabled ? (
                  <Popconfirm
                    title={t('users.resetTwoFactorConfirm', { name: u.displayName })}
                    onConfirm={() =>
                      patch(u, { resetTwoFactor: true }, t('users.twoFactorReset', { name: u.displayName }))
                    }
                  >
                    <Button type="link" size="small" data-testid="user-reset-two-factor">
                      {t('users.resetTwoFactor')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {u.active ? (
                  <Popconfirm
                    title={t('users.deactivateConfirm', { name: u.displayName })}
                    onConfirm={() => patch(u, { active: false }, t('users.updated', { name: u.displayName }))}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      data-testid="user-deactivate"
                    >
                      {t('users.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => patch(u, { active: true }, t('users.updated', { name: u.displayName }))}
                    data-testid="user-activate"
                  >
                    {t('users.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        extra={
          writable ? (
            <AddButton onClick={edit.openNew} data-testid="users-create">
              {t('users.create')}
            </AddButton>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 280, maxWidth: '100%', marginBottom: 16 }}
          enterButton
          data-testid="users-search"
        />
        <QueryTable<UserDto>
          rowKey="id"
          size="middle"
          columns={columns}
          list={list}
          empty={t('users.empty')}
          scroll={{ x: 1240 }}
          onRow={() => ({ 'data-testid': 'user-row' }) as HTMLAttributes<HTMLElement>}
          pagination={sizedPaging(list, page, pageSize, t, setPaging)}
        />
      </Card>
      <UserModal
        key={edit.key}
        user={edit.editing}
        open={edit.open}
        onClose={(saved) =>
          edit.close(saved, async (user, wasEditing) => {
            message.success(t(wasEditing ? 'users.updated' : 'users.created', { name: user.displayName }));
            await refresh();
          })
        }
      />
      <PasswordModal
        user={resetting}
        onClose={(done) => {
          if (done && resetting) message.success(t('users.passwordReset', { name: resetting.displayName }));
          setResetting(null);
        }}
      />
    </div>
  );
}
