import { enumOptions } from '../../app/components/enumOptions';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  type CategoryCreateInput,
  type CategoryUpdateInput,
  WO_LIMIT_GROUPS,
  type WoCategoryDto,
} from '../../../shared/contracts/workOrders';
import { AddButton } from '../../app/components/AddButton';
import { api } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dashColumn } from '../../app/components/columns';
import { requiredText } from '../../app/formRules';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';

const KEY = ['work-orders', 'categories', 'all'] as const;

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  limitGroup: (typeof WO_LIMIT_GROUPS)[number];
  department?: string;
  keywords: string[];
  sort: number;
}

function CategoryModal({ editing, onClose }: { editing: WoCategoryDto | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, runSave] = useFormSaving(form);
  const isNew = editing === 'new';

  const submit = (v: Values) =>
    runSave(async () => {
      const fields = {
        nameZh: v.nameZh.trim(),
        nameEn: v.nameEn.trim(),
        limitGroup: v.limitGroup,
        department: v.department?.trim() || null,
        keywords: v.keywords ?? [],
        sort: v.sort ?? 0,
      };
      if (isNew) {
        await api.post('/api/work-orders/categories', {
          code: v.code.trim(),
          ...fields,
        } satisfies CategoryCreateInput);
      } else if (editing) {
        await api.patch(`/api/work-orders/categories/${editing.code}`, fields satisfies CategoryUpdateInput);
      }
      message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['work-orders'] });
      onClose();
    });

  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="cat-form-submit"
      open={editing !== null}
      title={isNew ? t('cat.createTitle') : t('cat.editTitle')}
      onCancel={onClose}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          editing && editing !== 'new'
            ? { ...editing, department: editing.department ?? undefined }
            : { limitGroup: 'general', keywords: [], sort: 100 }
        }
        data-testid="cat-form"
      >
        <Form.Item
          name="code"
          label={t('cat.code')}
          extra={isNew ? t('cat.codeHint') : undefined}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('cat.codeHint') },
          ]}
        >
          <Input disabled={!isNew} maxLength={40} autoComplete="off" data-testid="cat-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('cat.nameZh')} rules={requiredText(t)}>
          <Input maxLength={40} data-testid="cat-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('cat.nameEn')} rules={requiredText(t)}>
          <Input maxLength={80} data-testid="cat-name-en" />
        </Form.Item>
        <Form.Item name="limitGroup" label={t('cat.limitGroup')} extra={t('cat.limitGroupHint')}>
          <Select options={enumOptions(t, 'cat.group', WO_LIMIT_GROUPS)} />
        </Form.Item>
        <Form.Item name="department" label={t('cat.department')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="keywords" label={t('cat.keywords')} extra={t('cat.keywordsHint')}>
          <Select mode="tags" tokenSeparators={[',', ',', ' ']} open={false} />
        </Form.Item>
        <Form.Item name="sort" label={t('cat.sort')}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/** 诉求类别: the platform-wide category list (also the Open311 services); retire, never delete. */
export default function CategoriesPage() {
  const { t, locale } = useI18n();
  const showError = useShowError();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<WoCategoryDto | 'new' | null>(null);
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<WoCategoryDto[]>('/api/work-orders/categories/all'),
  });

  const toggle = async (c: WoCategoryDto, active: boolean) => {
    try {
      await api.patch(`/api/work-orders/categories/${c.code}`, { active } satisfies CategoryUpdateInput);
      await qc.invalidateQueries({ queryKey: ['work-orders'] });
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<WoCategoryDto> = [
    {
      title: t('cat.code'),
      dataIndex: 'code',
      width: 150,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('cat.name'),
      key: 'name',
      render: (_, c) => (locale === 'en' ? c.nameEn : c.nameZh),
    },
    {
      title: t('cat.limitGroup'),
      dataIndex: 'limitGroup',
      width: 130,
      render: (g: string) => (
        <Tag color={g === 'utility' ? 'orange' : 'default'}>{t(`cat.group.${g}` as MessageKey)}</Tag>
      ),
    },
    dashColumn(t('cat.department'), 'department', 140),
    {
      title: t('cat.keywords'),
      dataIndex: 'keywords',
      render: (k: string[]) => k.map((w) => <Tag key={w}>{w}</Tag>),
    },
    { title: t('cat.sort'), dataIndex: 'sort', width: 70 },
    {
      title: t('cat.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, c) => (
        <Switch
          size="small"
          checked={active}
          onChange={(v) => toggle(c, v)}
          data-testid={`cat-active-${c.code}`}
          aria-label={t('cat.active')}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cat.title')}
        subtitle={t('cat.subtitle')}
        extra={
          <AddButton onClick={() => setEditing('new')} data-testid="cat-create">
            {t('cat.create')}
          </AddButton>
        }
      />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<WoCategoryDto>
            rowKey="code"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 900 }}
            rowClassName={(c) => (c.active ? '' : 'linli-row-muted')}
            locale={{ emptyText: <EmptyHint text={t('cat.empty')} /> }}
            data-testid="cat-table"
          />
        )}
      </Card>
      <CategoryModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
