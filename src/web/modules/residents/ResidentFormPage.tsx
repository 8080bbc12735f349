import { EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type {
  CreateResidentBody,
  ResidentDto,
  UpdateResidentBody,
} from '../../../shared/contracts/residents';
import { specialGroupsMasked } from '../../../shared/i18n/labels';
import {
  type OrgKind,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  SPECIAL_GROUP_TAGS,
  type SpecialGroupTag,
} from '../../../shared/orgKinds';
import { api } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryBoundary } from '../../app/components/Status';
import { useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type ResidentDetailDto, residentKeys, residentsApi } from './api';

const RESIDENT_UNIT_KINDS: readonly OrgKind[] = ['community', 'grid', 'compound', 'building', 'household'];

interface FormValues {
  name: string;
  gender?: 'male' | 'female';
  birthDate?: string | null;
  idNumber?: string;
  phone?: string;
  address?: string;
  orgUnitId: string;
  room?: string;
  registrationStatus: RegistrationStatus;
  tags: SpecialGroupTag[];
  notes?: string;
}

const blankToNull = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

export default function ResidentFormPage() {
  const { id } = useParams();
  const detail = useQuery({
    queryKey: residentKeys.detail(id ?? ''),
    queryFn: () => residentsApi.detail(id!),
    enabled: !!id,
  });
  if (!id) return <ResidentForm />;
  return <QueryBoundary query={detail}>{(r) => <ResidentForm resident={r} />}</QueryBoundary>;
}

/** Create or edit a resident. Personal fields of an existing resident are never pre-filled: empty = unchanged. */
function ResidentForm({ resident }: { resident?: ResidentDetailDto }) {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const [saving, runSave] = useFormSaving(form);
  const editing = !!resident;
  // Special-group tags are sensitive (R-LAW-PI-1): an existing resident's are not pre-filled; "show to
  // change" reveals them (audited) and only then are they sent. With none stored, the field is open.
  const [tagsOpen, setTagsOpen] = useState(!resident || resident.specialGroupCount === 0);
  const [revealingTags, runRevealTags] = useFormSaving();
  const revealTags = async () => {
    if (!resident) return;
    await runRevealTags(async () => {
      form.setFieldValue('tags', await residentsApi.revealTags(resident.id));
      setTagsOpen(true);
    });
  };

  const initial: Partial<FormValues> = resident
    ? {
        name: resident.name,
        gender: resident.gender,
        birthDate: resident.birthDate,
        orgUnitId: resident.orgUnitId,
        room: resident.room ?? undefined,
        registrationStatus: resident.registrationStatus,
        tags: [],
        notes: resident.notes ?? undefined,
      }
    : { registrationStatus: 'registered', tags: [], orgUnitId: params.get('orgUnitId') ?? undefined };

  const submit = async (v: FormValues) => {
    await runSave(async () => {
      let saved: ResidentDto;
      if (resident) {
        const body: UpdateResidentBody = {
          version: resident.version,
          name: v.name,
          gender: v.gender,
          birthDate: v.birthDate ?? null,
          orgUnitId: v.orgUnitId,
          room: blankToNull(v.room),
          registrationStatus: v.registrationStatus,
          ...(tagsOpen ? { tags: v.tags ?? [] } : {}),
          notes: blankToNull(v.notes),
          ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        };
        saved = await api.patch<ResidentDto>(`/api/residents/${resident.id}`, body);
        message.success(t('residents.saved', { name: saved.name }));
      } else {
        const body: CreateResidentBody = {
          name: v.name,
          gender: v.gender,
          birthDate: v.birthDate ?? null,
          idNumber: blankToNull(v.idNumber),
          phone: blankToNull(v.phone),
          address: blankToNull(v.address),
          orgUnitId: v.orgUnitId,
          room: blankToNull(v.room),
          registrationStatus: v.registrationStatus,
          tags: v.tags,
          notes: blankToNull(v.notes),
        };
        saved = await api.post<ResidentDto>('/api/residents', body);
        message.success(t('residents.created', { name: saved.name }));
      }
      await qc.invalidateQueries({ queryKey: ['residents'] });
      navigate(`/residents/${saved.id}`, { replace: editing });
    });
  };

  const piiPlaceholder = (masked: string | null | undefined) =>
    editing && masked ? t('residents.piiKeep', { masked }) : undefined;

  return (
    <div>
      <PageHeader
        title={editing ? `${t('residents.editTitle')} · ${resident.name}` : t('residents.createTitle')}
        subtitle={t('residents.piiHint')}
      />
      <Card>
        <Form<FormValues>
          form={form}
          name="resident"
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          scrollToFirstError
          // Checked by the server, which answers every problem at once in the user's language.
          data-testid="resident-form"
          style={{ maxWidth: 960 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={label('name')} required data-testid="field-name">
                <Input maxLength={50} data-testid="resident-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="idNumber"
                label={label('idNumber')}
                extra={t('residents.idHint')}
                data-testid="field-idNumber"
              >
                <Input
                  maxLength={18}
                  placeholder={piiPlaceholder(resident?.idNumber)}
                  style={{ fontFamily: 'monospace' }}
                  data-testid="resident-idNumber"
                  autoComplete="off"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="gender" label={label('gender')} data-testid="field-gender">
                <Radio.Group
                  options={[
                    { value: 'male', label: label('male') },
                    { value: 'female', label: label('female') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="birthDate"
                label={label('birthDate')}
                data-testid="field-birthDate"
                getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
                normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={label('phone')} data-testid="field-phone">
                <Input
                  maxLength={20}
                  placeholder={piiPlaceholder(resident?.phone)}
                  data-testid="resident-phone"
                  autoComplete="off"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="registrationStatus"
                label={label('registrationStatus')}
                required
                data-testid="field-registrationStatus"
              >
                <Select options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: label(s) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgUnitId"
                label={label('unit')}
                extra={t('residents.unitHint')}
                required
                data-testid="field-orgUnitId"
              >
                <OrgUnitSelect
                  selectableKinds={RESIDENT_UNIT_KINDS}
                  style={{ width: '100%' }}
                  data-testid="resident-unit"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="room" label={label('room')} data-testid="field-room">
                <Input maxLength={30} placeholder="2单元402" data-testid="resident-room" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={label('address')} data-testid="field-address">
                <Input
                  maxLength={200}
                  placeholder={piiPlaceholder(resident?.address)}
                  data-testid="resident-address"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={label('tags')} data-testid="field-tags">
                <Flex gap={8} align="center">
                  <Form.Item name="tags" noStyle>
                    <Select
                      mode="multiple"
                      allowClear
                      disabled={!tagsOpen}
                      placeholder={
                        !tagsOpen && resident
                          ? t('residents.tagsKeep', {
                              masked: specialGroupsMasked(resident.specialGroupCount, locale),
                            })
                          : undefined
                      }
                      options={SPECIAL_GROUP_TAGS.map((tag) => ({ value: tag, label: label(tag) }))}
                      data-testid="resident-tags"
                    />
                  </Form.Item>
                  {!tagsOpen && resident?.abilities.reveal ? (
                    <Button
                      icon={<EyeOutlined />}
                      loading={revealingTags}
                      onClick={revealTags}
                      title={t('residents.revealTip')}
                      data-testid="resident-tags-reveal"
                    >
                      {t('residents.tagsReveal')}
                    </Button>
                  ) : null}
                </Flex>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="notes" label={label('notes')} data-testid="field-notes">
                <Input.TextArea rows={3} maxLength={1000} showCount />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="resident-submit">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
