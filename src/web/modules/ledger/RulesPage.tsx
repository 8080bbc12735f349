import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { TEAM_RULE_TYPE } from '../../../shared/contracts/ledger';
import { ACTIVITY_TYPES } from '../../../shared/contracts/volunteers';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { useSaving } from '../../app/components/useSaving';
import { ErrorResult } from '../../app/components/Status';
import { listTableProps } from '../../app/components/QueryTable';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { ledgerApi, ledgerKeys, type Rule } from './api';

const activityKey = (a: string) => `ledger.activity.${a}` as MessageKey;

/** Earning rules: points per hour and a daily cap per activity type, at a community or subdistrict. */
export default function RulesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const [unitId, setUnitId] = useState<string>();
  const [form] = Form.useForm<{
    orgUnitId: string;
    activityType: string;
    pointsPerHour: number;
    dailyCap: number;
  }>();
  const rules = useQuery({ queryKey: ledgerKeys.rules(unitId), queryFn: () => ledgerApi.rules(unitId) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['ledger', 'rules'] });
  const save = useSaving(ledgerApi.putRule, {
    invalidate: ['ledger', 'rules'],
    done: () => t('ledger.rules.saved'),
    form,
  });
  const del = useMutation({
    mutationFn: ledgerApi.deleteRule,
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const typeLabel = (a: string) =>
    a === '*'
      ? t('ledger.rules.anyType')
      : a === TEAM_RULE_TYPE
        ? t('ledger.rules.teamType')
        : t(activityKey(a));
  const editable = can('ledger.write');
  const columns: TableColumnsType<Rule> = [
    { title: t('ledger.rules.unit'), dataIndex: 'orgUnitName', width: 160 },
    { title: t('ledger.rules.activityType'), dataIndex: 'activityType', render: typeLabel },
    { title: t('ledger.rules.pointsPerHour'), dataIndex: 'pointsPerHour', width: 120, align: 'right' },
    { title: t('ledger.rules.dailyCap'), dataIndex: 'dailyCap', width: 110, align: 'right' },
    { ...dateTimeColumn(t('ledger.rules.updated'), 'updatedAt', 160), responsive: ['md'] },
    ...(editable
      ? [
          {
            key: 'x',
            width: 120,
            render: (_: unknown, r: Rule) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    form.setFieldsValue({
                      orgUnitId: r.orgUnitId,
                      activityType: r.activityType,
                      pointsPerHour: r.pointsPerHour,
                      dailyCap: r.dailyCap,
                    })
                  }
                >
                  ✎
                </Button>
                <Popconfirm title={t('ledger.rules.deleteConfirm')} onConfirm={() => del.mutate(r.id)}>
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('ledger.rules.delete')}
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('ledger.rules.title')} subtitle={t('ledger.rules.subtitle')} />
      {rules.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('ledger.rules.default', {
            p: rules.data.defaultRule.pointsPerHour,
            c: rules.data.defaultRule.dailyCap,
          })}
        />
      ) : null}
      {editable ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ activityType: '*', pointsPerHour: 10, dailyCap: 80 }}
            onFinish={(v) => save.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="orgUnitId" label={t('ledger.rules.unit')} rules={[{ required: true }]}>
              <OrgUnitSelect selectableKinds={['community', 'subdistrict']} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name="activityType"
              label={t('ledger.rules.activityType')}
              rules={[{ required: true }]}
            >
              <Select
                style={{ width: 160 }}
                options={['*', ...ACTIVITY_TYPES, TEAM_RULE_TYPE].map((a) => ({
                  value: a,
                  label: typeLabel(a),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="pointsPerHour"
              label={t('ledger.rules.pointsPerHour')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={1000} precision={0} />
            </Form.Item>
            <Form.Item name="dailyCap" label={t('ledger.rules.dailyCap')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10000} precision={0} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ledger-rule-save">
              {t('ledger.rules.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <OrgUnitSelect
          allowClear
          placeholder={t('ledger.rules.unit')}
          style={{ width: 240 }}
          value={unitId}
          onChange={(v) => setUnitId(v)}
        />
      </Flex>
      {rules.isError ? (
        <ErrorResult error={rules.error} onRetry={() => rules.refetch()} />
      ) : (
        <Table<Rule>
          rowKey="id"
          size="middle"
          columns={columns}
          {...listTableProps(rules, t('ledger.rules.empty'))}
          pagination={false}
        />
      )}
    </>
  );
}
