import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CONSENT_METHODS,
  type ConsentMethod,
  type ProxyBody,
  type ProxyInfo,
} from '../../../shared/contracts/proxy';
import type { ResidentDto } from '../../../shared/contracts/residents';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useNameSearch } from '../useNameSearch';

/**
 * 帮办代办 in a console form (platform/proxy.ts on the server): a tick "为居民代办", then the resident picked
 * from the registry (by name, pinyin or initials; only residents in the user's area are found) and how
 * they agreed. The form's values live under `proxy`; `proxyPayload(values.proxy)` is what the API takes.
 * Used by the work-order intake, the service order, the survey paper entry and the certificate request.
 */
export interface ProxyFormValues {
  enabled?: boolean;
  principalResidentId?: string;
  method?: ConsentMethod;
  at?: Dayjs | null;
  note?: string;
  attachmentRef?: string;
}

export function proxyPayload(v: ProxyFormValues | undefined): ProxyBody | null {
  if (!v?.enabled || !v.principalResidentId) return null;
  return {
    principalResidentId: v.principalResidentId,
    consent: v.method
      ? {
          method: v.method,
          note: v.note?.trim() || null,
          attachmentRef: v.method === 'written' ? v.attachmentRef?.trim() || null : null,
          at: v.at ? v.at.toDate() : null,
        }
      : null,
  };
}

function PrincipalSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const ns = useNameSearch(search);
  const found = useQuery({
    queryKey: ['proxy', 'principals', ns.serverQuery, ns.pageSize(20)],
    queryFn: () =>
      api.get<{ items: ResidentDto[] }>('/api/residents', {
        q: ns.serverQuery || undefined,
        pageSize: ns.pageSize(20),
      }),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((r) => ns.keep(r.name))
    .slice(0, 30)
    .map((r) => ({
      value: r.id,
      label: `${r.name}（${[r.communityName, r.unitName].filter(Boolean).join(' ')}）`,
    }));
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setSearch}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      placeholder={t('proxy.principal.placeholder')}
      notFoundContent={t('proxy.principal.none')}
      data-testid="proxy-principal"
    />
  );
}

/** The fields; put inside an antd Form. `title` names the card (e.g. 帮办代办). */
export function ProxyFields({ hint }: { hint?: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const enabled = Form.useWatch(['proxy', 'enabled'], form);
  const method = Form.useWatch(['proxy', 'method'], form);
  return (
    <Card title={t('proxy.title')} style={{ marginBottom: 16 }} data-testid="proxy-fields">
      <Form.Item
        name={['proxy', 'enabled']}
        valuePropName="checked"
        style={{ marginBottom: enabled ? 12 : 0 }}
        extra={hint ?? t('proxy.hint')}
      >
        <Checkbox data-testid="proxy-enabled">{t('proxy.enable')}</Checkbox>
      </Form.Item>
      {enabled ? (
        <>
          <Form.Item
            name={['proxy', 'principalResidentId']}
            label={t('proxy.principal')}
            rules={[{ required: true, message: t('proxy.principal.required') }]}
          >
            <PrincipalSelect />
          </Form.Item>
          <Form.Item
            name={['proxy', 'method']}
            label={t('proxy.consent')}
            rules={[{ required: true, message: t('proxy.consent.required') }]}
            extra={t('proxy.consent.hint')}
          >
            <Radio.Group
              optionType="button"
              options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`proxy.method.${m}`) }))}
              data-testid="proxy-method"
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['proxy', 'at']}
                label={t('proxy.consent.at')}
                extra={t('proxy.consent.atHint')}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            {method === 'written' ? (
              <Col xs={24} md={12}>
                <Form.Item name={['proxy', 'attachmentRef']} label={t('proxy.consent.ref')}>
                  <Input maxLength={200} placeholder={t('proxy.consent.refPlaceholder')} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Form.Item name={['proxy', 'note']} label={t('proxy.consent.note')} style={{ marginBottom: 0 }}>
            <Input.TextArea maxLength={500} rows={2} placeholder={t('proxy.consent.notePlaceholder')} />
          </Form.Item>
        </>
      ) : null}
    </Card>
  );
}

/** A record made on someone's behalf: 代办 tag, resident, proxy, consent (for detail pages). */
export function ProxyInfoView({ proxy }: { proxy: Wire<ProxyInfo> | null | undefined }) {
  const { t } = useI18n();
  if (!proxy) return null;
  return (
    <Card
      size="small"
      title={
        <>
          <Tag color="gold">{t('proxy.tag')}</Tag>
          {t('proxy.byLine', { name: proxy.proxyName })}
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="proxy-info"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('proxy.principal')}>
          {proxy.principalName ?? t('proxy.principal.gone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('proxy.proxy')}>{proxy.proxyName}</Descriptions.Item>
        <Descriptions.Item label={t('proxy.consent')}>
          {t(`proxy.method.${proxy.consent.method}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('proxy.consent.at')}>
          {formatDateTime(proxy.consent.at)}
        </Descriptions.Item>
        {proxy.consent.attachmentRef ? (
          <Descriptions.Item label={t('proxy.consent.ref')}>{proxy.consent.attachmentRef}</Descriptions.Item>
        ) : null}
        {proxy.consent.note ? (
          <Descriptions.Item label={t('proxy.consent.note')}>{proxy.consent.note}</Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
