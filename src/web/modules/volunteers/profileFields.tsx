import { Checkbox, Form, Input, Select } from 'antd';
import { SLOTS, type VOLUNTEER_KINDS } from '../../../shared/contracts/volunteers';
import { enumOptions } from '../../app/components/enumOptions';
import { type MessageKey, useI18n } from '../../app/i18n';

/** The availability the form's `availability` fields hold (none ticked: empty lists). */
export function availabilityOf(values: Record<string, unknown>) {
  const picked = values.availability as { weekdays?: number[]; slots?: string[] } | undefined;
  return {
    weekdays: picked?.weekdays ?? [],
    slots: (picked?.slots ?? []) as (typeof SLOTS)[number][],
  };
}

/**
 * What a volunteer offers, in the create and edit forms of a profile: skills (free tags, `skills`) and the
 * weekdays and time slots they are available (`availability`).
 */
export function OfferFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="skills" label={t('volunteers.skills')} extra={t('volunteers.skillsHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', ',', '、']} />
      </Form.Item>
      <Form.Item name={['availability', 'weekdays']} label={t('volunteers.weekdays')}>
        <Checkbox.Group
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
            value: d,
            label: t(`volunteers.weekday.${d}` as MessageKey),
          }))}
        />
      </Form.Item>
      <Form.Item name={['availability', 'slots']} label={t('volunteers.slots')}>
        <Checkbox.Group options={enumOptions(t, 'volunteers.slot', SLOTS)} />
      </Form.Item>
    </>
  );
}

/** The university of a university volunteer, required beside the kind; nothing for other kinds. */
export function UniversityField({ kind }: { kind: (typeof VOLUNTEER_KINDS)[number] | undefined }) {
  const { t } = useI18n();
  if (kind !== 'university') return null;
  return (
    <Form.Item
      name="university"
      label={t('volunteers.university')}
      rules={[{ required: true }]}
      style={{ flex: 1 }}
    >
      <Input maxLength={80} />
    </Form.Item>
  );
}

/** The profile's free notes, last in its create and edit forms. */
export function NotesField() {
  const { t } = useI18n();
  return (
    <Form.Item name="notes" label={t('volunteers.notes')}>
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );
}
