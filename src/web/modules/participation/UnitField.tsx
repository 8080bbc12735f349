import { Form } from 'antd';
import type { OrgKind } from '../../../shared/orgKinds';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';

/** A new record's unit (orgUnitId): required, picked among units of `kinds`. */
export function UnitField({ kinds }: { kinds: readonly OrgKind[] }) {
  const { t } = useI18n();
  return (
    <Form.Item name="orgUnitId" label={t('participation.field.unit')} rules={[{ required: true }]}>
      <OrgUnitSelect selectableKinds={kinds} />
    </Form.Item>
  );
}
