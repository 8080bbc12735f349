import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  type ButtonProps,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
} from 'antd';
import { type ReactNode, useState } from 'react';
import type {
  CreateOrgUnitBody,
  OrgUnitDetailDto,
  OrgUnitDto,
  UpdateOrgUnitBody,
} from '../../../shared/contracts/org';
import { ALLOWED_CHILDREN, ORG_KINDS, type OrgKind } from '../../../shared/orgKinds';
import { ORG_ATTRS, type OrgAttrValue, orgAttrType } from '../../../shared/orgAttrs';
import { api } from '../../app/api';
import { ColItem } from '../../app/components/ColItem';
import { EmptyHint } from '../../app/components/Status';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { requiredText } from '../../app/formRules';
import { OrgUnitSelect } from './OrgUnitSelect';

const CODED_KINDS: readonly OrgKind[] = ['city', 'district', 'subdistrict', 'community'];
const BOUNDARY_KINDS: readonly OrgKind[] = ['community', 'grid', 'compound'];

interface AttrRow {
  key?: string;
  value?: OrgAttrValue | null;
}

interface UnitFormValues {
  kind: OrgKind;
  name: string;
  divisionCode?: string;
  lat?: number | null;
  lng?: number | null;
  boundaryText?: string;
  attrs?: AttrRow[];
}

function attrsToRows(attrs: Record<string, unknown>): AttrRow[] {
  return Object.entries(attrs).map(([key, value]) => ({
    key,
    value: typeof value === 'boolean' || typeof value === 'number' ? value : String(value ?? ''),
  }));
}

/** The rows as the API takes them; an attribute the unit had and the rows no longer hold is sent as null (removed). */
function rowsToAttrs(rows: AttrRow[] | undefined, before: Record<string, unknown>) {
  const out: Record<string, OrgAttrValue | null> = {};
  for (const key of Object.keys(before)) out[key] = null;
  for (const r of rows ?? []) {
    if (r?.key && r.value !== undefined && r.value !== null && r.value !== '') out[r.key] = r.value;
  }
  return out;
}

/** The value input an attribute takes: yes/no for a flag, a number for a count, text otherwise. */
function AttrValueInput({
  attrKey,
  value,
  onChange,
}: {
  attrKey: string | undefined;
  value?: OrgAttrValue | null;
  onChange?: (v: OrgAttrValue | null) => void;
}) {
  const { t, label } = useI18n();
  const type = attrKey ? orgAttrType(attrKey) : undefined;
  const placeholder = t('org.attrValue');
  if (type === 'boolean') {
    const options = [
      { value: true, label: label('yes') },
      { value: false, label: label('no') },
    ];
    const v = typeof value === 'boolean' ? value : undefined;
    return (
      <Select
        style={{ width: 160 }}
        placeholder={placeholder}
        options={options}
        value={v}
        onChange={onChange}
      />
    );
  }
  if (type === 'number') {
    const v = typeof value === 'number' ? value : undefined;
    return <InputNumber style={{ width: 160 }} placeholder={placeholder} value={v} onChange={onChange} />;
  }
  const v = value == null ? undefined : String(value);
  return (
    <Input
      style={{ width: 220 }}
      placeholder={placeholder}
      value={v}
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}

/** What a dialog acting on `unit` is given: whether it is open, how to close it, what to do with its result. */
interface UnitDialogProps<R> {
  unit: OrgUnitDetailDto;
  open: boolean;
  onClose: () => void;
  onDone: (result: R) => void;
}

/** Create a child under `parent`, or edit `unit` (name, code, position, boundary, attributes). */
export function UnitFormModal({
  mode,
  unit,
  open,
  onClose,
  onDone,
}: UnitDialogProps<OrgUnitDto> & { mode: 'create' | 'edit' }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, runSave] = useFormSaving(form, { boundary: 'boundaryText' });
  const childKinds = ALLOWED_CHILDREN[unit.kind];
  const kind = Form.useWatch('kind', form) ?? (mode === 'edit' ? unit.kind : childKinds[0]);
  const attrRows = Form.useWatch('attrs', form);

  const initial: Partial<UnitFormValues> =
    mode === 'edit'
      ? {
          kind: unit.kind,
          name: unit.name,
          divisionCode: unit.divisionCode ?? undefined,
          lat: unit.lat,
          lng: unit.lng,
          boundaryText: unit.boundary ? JSON.stringify(unit.boundary) : undefined,
          attrs: attrsToRows(unit.attrs),
        }
      : { kind: childKinds[0], attrs: [] };

  const submit = async (v: UnitFormValues) => {
    let boundary: UpdateOrgUnitBody['boundary'] = null;
    if (v.boundaryText?.trim()) {
      try {
        boundary = JSON.parse(v.boundaryText);
      } catch {
        form.setFields([{ name: 'boundaryText', errors: [t('org.boundaryJson')] }]);
        return;
      }
    }
    const common = {
      name: v.name,
      divisionCode: CODED_KINDS.includes(v.kind) ? v.divisionCode?.trim() || null : undefined,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      boundary: BOUNDARY_KINDS.includes(v.kind) ? boundary : undefined,
      attrs: rowsToAttrs(v.attrs, mode === 'edit' ? unit.attrs : {}),
    };
    await runSave(async () => {
      const saved =
        mode === 'create'
          ? await api.post<OrgUnitDto>('/api/org/units', {
              ...common,
              parentId: unit.id,
              kind: v.kind,
            } satisfies CreateOrgUnitBody)
          : await api.patch<OrgUnitDto>(`/api/org/units/${unit.id}`, common satisfies UpdateOrgUnitBody);
      onDone(saved);
    });
  };

  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="org-form-submit"
      open={open}
      title={
        mode === 'create' ? `${t('org.createChild')} · ${unit.name}` : `${t('org.rename')} · ${unit.name}`
      }
      onCancel={onClose}
      okText={t('common.save')}
      width={560}
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        preserve={false}
        data-testid="org-form"
      >
        <Form.Item
          name="kind"
          label={t('org.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            disabled={mode === 'edit'}
            options={(mode === 'edit' ? ORG_KINDS : childKinds).map((k) => ({
              value: k,
              label: t(`kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={requiredText(t)}>
          <Input maxLength={100} data-testid="org-form-name" />
        </Form.Item>
        {CODED_KINDS.includes(kind) ? (
          <Form.Item name="divisionCode" label={t('org.divisionCode')}>
            <Input maxLength={12} placeholder="420204003001" data-testid="org-form-code" />
          </Form.Item>
        ) : null}
        <Row gutter={12}>
          <ColItem span={12} name="lat" label={t('org.lat')}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </ColItem>
          <ColItem span={12} name="lng" label={t('org.lng')}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </ColItem>
        </Row>
        {BOUNDARY_KINDS.includes(kind) ? (
          <Form.Item name="boundaryText" label="GeoJSON (Polygon / MultiPolygon)">
            <Input.TextArea rows={3} placeholder='{"type":"Polygon","coordinates":[[[114.92,30.15],…]]}' />
          </Form.Item>
        ) : null}
        <Form.Item label={t('org.attrs')}>
          <Form.List name="attrs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'key']} style={{ marginBottom: 8 }}>
                      <Select
                        style={{ width: 200 }}
                        placeholder={t('org.attrKey')}
                        options={attrKeyOptions(attrRows, f.name, label)}
                        onChange={() => form.setFieldValue(['attrs', f.name, 'value'], undefined)}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} style={{ marginBottom: 8 }}>
                      <AttrValueInput attrKey={attrRows?.[f.name]?.key} />
                    </Form.Item>
                    <Button
                      type="text"
                      aria-label={t('org.removeAttr')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('org.addAttr')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/**
 * The attributes row `index` may name: the listed ones by their label, and a key the unit already carries
 * outside the list (kept as it is); a key another row names is left out.
 */
function attrKeyOptions(rows: AttrRow[] | undefined, index: number, label: (k: string) => string) {
  const taken = new Set((rows ?? []).filter((_, i) => i !== index).map((r) => r?.key));
  const own = rows?.[index]?.key;
  const keys = Object.keys(ORG_ATTRS) as string[];
  if (own && !keys.includes(own)) keys.push(own);
  return keys.filter((k) => !taken.has(k)).map((k) => ({ value: k, label: label(k) }));
}

/** Kinds that may hold a unit of `kind` directly. */
function parentKindsOf(kind: OrgKind): OrgKind[] {
  return ORG_KINDS.filter((k) => ALLOWED_CHILDREN[k].includes(kind));
}

/** The move and merge dialogs' state: the unit picked, and posting it once OK is pressed (errors in a toast). */
function usePickAndPost<R>(post: (target: string) => Promise<R>, onDone: (result: R) => void) {
  const [target, setTarget] = useState<string>();
  const [saving, runSave] = useFormSaving();
  const submit = async () => {
    if (!target) return;
    await runSave(async () => onDone(await post(target)));
  };
  return { target, setTarget, saving, submit };
}

/**
 * The move and merge dialogs: `action` · the unit's name as the title, `children` above a unit picker labelled
 * `label` (of `selectableKinds`, never `unit` itself); OK posts the pick. `testId` prefixes the picker's and
 * the OK button's test ids (`-target`, `-submit`); `danger` makes OK red.
 */
function PickUnitModal<R>({
  unit,
  open,
  onClose,
  onDone,
  post,
  action,
  label,
  testId,
  danger,
  selectableKinds,
  searchKind,
  children,
}: UnitDialogProps<R> & {
  post: (target: string) => Promise<R>;
  action: string;
  label: string;
  testId: string;
  danger?: boolean;
  selectableKinds: OrgKind[];
  searchKind?: OrgKind;
  children?: ReactNode;
}) {
  const { target, setTarget, saving, submit } = usePickAndPost(post, onDone);
  return (
    <Modal
      open={open}
      title={`${action} · ${unit.name}`}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={
        { disabled: !target, loading: saving, danger, 'data-testid': `${testId}-submit` } as ButtonProps
      }
      destroyOnHidden
    >
      {children}
      <Form layout="vertical">
        <Form.Item label={label} required>
          <OrgUnitSelect
            value={target}
            onChange={(v) => setTarget(v)}
            selectableKinds={selectableKinds}
            searchKind={searchKind}
            excludeId={unit.id}
            style={{ width: '100%' }}
            data-testid={`${testId}-target`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MoveModal(props: UnitDialogProps<string>) {
  const { t } = useI18n();
  const { unit } = props;
  return (
    <PickUnitModal
      {...props}
      post={async (to) => {
        await api.post(`/api/org/units/${unit.id}/move`, { newParentId: to });
        return to;
      }}
      action={t('org.move')}
      label={t('org.newParent')}
      testId="org-move"
      selectableKinds={parentKindsOf(unit.kind)}
    />
  );
}

export function MergeModal(props: UnitDialogProps<{ target: OrgUnitDto; movedChildren: number }>) {
  const { t } = useI18n();
  const { unit } = props;
  return (
    <PickUnitModal
      {...props}
      post={(to) =>
        api.post<{ source: OrgUnitDto; target: OrgUnitDto; movedChildren: number }>(
          `/api/org/units/${unit.id}/merge`,
          { targetId: to },
        )
      }
      action={t('org.merge')}
      label={t('org.mergeTarget')}
      testId="org-merge"
      danger
      selectableKinds={[unit.kind]}
      searchKind={unit.kind}
    >
      <Alert
        type="warning"
        showIcon
        title={t('org.mergeHint', { name: unit.name })}
        style={{ marginBottom: 16 }}
      />
    </PickUnitModal>
  );
}

export function SplitModal({
  unit,
  childUnits,
  open,
  onClose,
  onDone,
}: UnitDialogProps<OrgUnitDto> & { childUnits: OrgUnitDto[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ newName: string; childIds: string[] }>();
  const [saving, runSave] = useFormSaving(form);
  const submit = (v: { newName: string; childIds: string[] }) =>
    runSave(async () => onDone(await api.post<OrgUnitDto>(`/api/org/units/${unit.id}/split`, v)));
  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="org-split-submit"
      open={open}
      title={`${t('org.split')} · ${unit.name}`}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        title={t('org.splitHint', { name: unit.name })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="newName" label={t('org.splitName')} rules={requiredText(t)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="childIds"
          label={t('org.splitChildren')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          {childUnits.length === 0 ? (
            <EmptyHint text={t('org.noChildren')} />
          ) : (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 260, overflow: 'auto' }}
              options={childUnits.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}
