import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import type { OrgKind } from '../../../shared/orgKinds';
import { AddButton } from '../../app/components/AddButton';
import { api, type Page, type Query } from '../../app/api';
import { useAuth } from '../../app/auth';
import { QueryTable, sizedPaging } from '../../app/components/QueryTable';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { type TFunction, useI18n } from '../../app/i18n';
import { useEditModal } from '../../app/useEditModal';
import { OrgUnitSelect } from '../org/api';
import { refilterOf, usePaging } from '../../app/usePaging';

export interface FieldDef {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'select' | 'tags' | 'switch' | 'date' | 'unit' | 'phone' | 'custom';
  required?: boolean;
  options?: { value: string; label: string }[];
  unitKinds?: readonly OrgKind[];
  min?: number;
  max?: number;
  maxLength?: number;
  placeholder?: string;
  extra?: string;
  /** Full width in the two-column form. */
  wide?: boolean;
  /** Shown only when this returns true for the current values. */
  visible?: (values: Record<string, unknown>) => boolean;
  input?: (form: FormInstance, editing: Record<string, unknown> | null) => ReactNode;
}

export interface Filter {
  name: string;
  placeholder: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  allowClear?: boolean;
}

export interface EntityConfig<T extends { id: string; abilities: { edit: boolean } }> {
  /** The registry's name: its API is `/api/people/<key>` (see endpointOf). */
  key: string;
  /** What one row is called, for the dialog title. */
  noun: string;
  columns: TableColumnsType<T>;
  /** Columns that act on a row and need to refresh the list. */
  extraColumns?: (refresh: () => Promise<void>) => TableColumnsType<T>;
  fields: FieldDef[];
  filters?: Filter[];
  /** Values of an existing row for the edit form. */
  toForm: (row: T) => Record<string, unknown>;
  /** Extra buttons in a row's action cell. */
  rowActions?: (row: T, refresh: () => Promise<void>) => ReactNode;
  width?: number;
}

/** A registry's list and create path; a row is at `<path>/<id>`. */
const endpointOf = (config: { key: string }) => `/api/people/${config.key}`;

/** Turns form values into a request body: blank optional text clears, a blank masked phone stays unchanged. */
function toBody(fields: FieldDef[], values: Record<string, unknown>, editing: boolean) {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.visible && !f.visible(values)) continue;
    let v = values[f.name];
    if (typeof v === 'string') v = v.trim();
    if (f.kind === 'phone' && !v) {
      if (!editing) body[f.name] = null;
      continue;
    }
    if (v === '' || v === undefined) v = f.required ? undefined : null;
    if (f.kind === 'switch') v = !!v;
    if (f.kind === 'tags' && v === null) v = [];
    if (v !== undefined) body[f.name] = v;
  }
  return body;
}

/** The control of one field. Form.Item injects value, onChange and id, which are passed on to the control. */
function FieldInput({
  f,
  form,
  editing,
  t,
  ...control
}: {
  f: FieldDef;
  form: FormInstance;
  editing: Record<string, unknown> | null;
  t: TFunction;
  id?: string;
  value?: any;
  checked?: boolean;
  onChange?: (...args: any[]) => void;
}) {
  const testId = `people-field-${f.name}`;
  switch (f.kind) {
    case 'textarea':
      return (
        <Input.TextArea
          {...control}
          rows={3}
          maxLength={f.maxLength}
          placeholder={f.placeholder}
          data-testid={testId}
        />
      );
    case 'number':
      return (
        <InputNumber
          {...control}
          min={f.min}
          max={f.max}
          style={{ width: '100%' }}
          placeholder={f.placeholder}
          data-testid={testId}
        />
      );
    case 'select':
      return (
        <Select
          {...control}
          allowClear={!f.required}
          options={f.options}
          placeholder={f.placeholder}
          data-testid={testId}
        />
      );
    case 'tags':
      return (
        <Select
          {...control}
          mode="tags"
          options={f.options}
          placeholder={f.placeholder ?? t('people.tagsHint')}
          tokenSeparators={[',', ',', '、']}
          data-testid={testId}
        />
      );
    case 'switch':
      return <Switch {...control} data-testid={testId} />;
    case 'date':
      return <DatePicker {...control} style={{ width: '100%' }} data-testid={testId} />;
    case 'unit':
      return (
        <OrgUnitSelect
          {...control}
          selectableKinds={f.unitKinds}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'phone': {
      const masked = editing?.[`${f.name}Masked`] as string | null | undefined;
      return (
        <Input
          {...control}
          maxLength={20}
          autoComplete="off"
          placeholder={masked ? t('people.phoneKeep', { masked }) : undefined}
          data-testid={testId}
        />
      );
    }
    case 'custom':
      return <>{f.input?.(form, editing)}</>;
    default:
      return <Input {...control} maxLength={f.maxLength} placeholder={f.placeholder} data-testid={testId} />;
  }
}

function EntityModal<T extends { id: string; abilities: { edit: boolean } }>({
  config,
  row,
  open,
  onClose,
}: {
  config: EntityConfig<T>;
  row: T | null;
  open: boolean;
  onClose: (saved?: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, runSave] = useFormSaving(form);
  const initial = row
    ? config.toForm(row)
    : Object.fromEntries(config.fields.filter((f) => f.kind === 'switch').map((f) => [f.name, false]));
  const [values, setValues] = useState<Record<string, unknown>>(initial);

  const submit = async (v: Record<string, unknown>) => {
    const body = toBody(config.fields, v, !!row);
    await runSave(async () => {
      if (row) await api.patch(`${endpointOf(config)}/${row.id}`, body);
      else await api.post(endpointOf(config), body);
      onClose(true);
    });
  };

  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="people-form-submit"
      open={open}
      title={
        row
          ? t('people.editTitle', { name: String(initial.name ?? '') })
          : t('people.createTitle', { what: config.noun })
      }
      onCancel={() => onClose()}
      okText={t('common.save')}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => setValues(all)}
        onFinish={submit}
        preserve={false}
        data-testid="people-form"
      >
        <Row gutter={16}>
          {config.fields
            .filter((f) => !f.visible || f.visible(values))
            .map((f) => (
              <Col key={f.name} xs={24} md={f.wide || f.kind === 'textarea' ? 24 : 12}>
                <Form.Item
                  name={f.kind === 'custom' ? undefined : f.name}
                  label={f.label}
                  required={f.required}
                  extra={f.extra}
                  valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
                  {...(f.kind === 'date'
                    ? {
                        getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
                        normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
                      }
                    : {})}
                  data-testid={`people-item-${f.name}`}
                >
                  <FieldInput f={f} form={form} editing={row ? initial : null} t={t} />
                </Form.Item>
              </Col>
            ))}
        </Row>
      </Form>
    </FormSaveModal>
  );
}

/** A paginated, searchable list of one kind of record with create and edit dialogs. */
export function EntityPage<T extends { id: string; abilities: { edit: boolean } }>({
  config,
}: {
  config: EntityConfig<T>;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string>();
  const [filters, setFilters] = useState<Record<string, string | undefined>>(() =>
    Object.fromEntries((config.filters ?? []).map((f) => [f.name, f.defaultValue])),
  );
  const { page, pageSize, setPage, setPaging } = usePaging();
  const refilter = refilterOf(setPage);
  const edit = useEditModal<T>();
  const writable = can('people.write');

  const query: Query = { q: q || undefined, orgUnitId: unitId, ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['people', config.key, query],
    queryFn: () => api.get<Page<T>>(endpointOf(config), query),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['people'] });
  };

  const columns: TableColumnsType<T> = [
    ...config.columns,
    ...(config.extraColumns?.(refresh) ?? []),
    {
      title: t('common.actions'),
      key: 'actions',
      width: config.rowActions ? 200 : 90,
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={4} wrap>
          {row.abilities.edit ? (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => edit.openEdit(row)}
              data-testid="people-edit"
            >
              {t('people.edit')}
            </Button>
          ) : null}
          {config.rowActions?.(row, refresh)}
        </Flex>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <Input.Search
            allowClear
            placeholder={t('people.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 240 }}
            enterButton
            data-testid="people-search"
          />
          <OrgUnitSelect
            value={unitId}
            onChange={refilter(setUnitId)}
            placeholder={t('people.unit')}
            style={{ width: 200 }}
            data-testid="people-filter-unit"
          />
          {(config.filters ?? []).map((f) => (
            <Select
              key={f.name}
              allowClear={f.allowClear ?? true}
              placeholder={f.placeholder}
              value={filters[f.name]}
              onChange={(v: string | undefined) => {
                setFilters((prev) => ({ ...prev, [f.name]: v }));
                setPage(1);
              }}
              options={f.options}
              style={{ minWidth: 140 }}
              data-testid={`people-filter-${f.name}`}
            />
          ))}
        </Flex>
        {writable ? (
          <AddButton onClick={edit.openNew} data-testid="people-create">
            {t('common.create')}
          </AddButton>
        ) : null}
      </Flex>
      <QueryTable<T>
        list={list}
        empty={t('people.empty')}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: config.width ?? 1000 }}
        onRow={() => ({ 'data-testid': 'people-row' }) as HTMLAttributes<HTMLElement>}
        data-testid={`people-table-${config.key}`}
        pagination={sizedPaging(list, page, pageSize, t, setPaging)}
      />
      <EntityModal<T>
        key={edit.key}
        config={config}
        row={edit.editing}
        open={edit.open}
        onClose={(saved) =>
          edit.close(saved, async (_, wasEditing) => {
            message.success(wasEditing ? t('people.updated') : t('people.created'));
            await refresh();
          })
        }
      />
    </Card>
  );
}

/** A select whose options come from the server as the user types (party organisations). */
export function RemoteSelect({
  value,
  onChange,
  fetchOptions,
  initialLabel,
  placeholder,
  disabled,
  queryKey,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  fetchOptions: (q: string) => Promise<{ value: string; label: string }[]>;
  initialLabel?: string | null;
  placeholder?: string;
  disabled?: boolean;
  queryKey: readonly unknown[];
}) {
  const [q, setQ] = useState('');
  const options = useQuery({
    queryKey: [...queryKey, q],
    queryFn: () => fetchOptions(q),
    enabled: !disabled,
    staleTime: 30_000,
  });
  const opts = options.data ?? [];
  const withCurrent =
    value && initialLabel && !opts.some((o) => o.value === value)
      ? [{ value, label: initialLabel }, ...opts]
      : opts;
  return (
    <Select
      allowClear
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ onSearch: setQ, filterOption: false }}
      options={withCurrent}
      loading={options.isFetching}
      placeholder={placeholder}
    />
  );
}
