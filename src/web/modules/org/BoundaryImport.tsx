import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { BoundaryImportResult, OrgUnitDto } from '../../../shared/contracts/org';
import type { MapCrs } from '../../../shared/geo/mapSettings';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useBusyAction } from '../../app/useBusyAction';
import { geoFromDisplay } from '../../app/map/coords';

type Geo = { type: string; features?: { properties?: Record<string, unknown> | null }[] };

/**
 * GeoJSON import of grid boundaries (issue 17 item 7): upload a .geojson/.json FeatureCollection, pick the
 * property holding the grid names and the file's coordinate system (GCJ-02 files, e.g. drawn on AMap, are
 * converted to WGS-84 here), preview the matches the server finds among the grids under this unit, apply.
 */
export function BoundaryImportModal({
  unit,
  open,
  onClose,
  onDone,
}: {
  unit: Pick<OrgUnitDto, 'id' | 'name'>;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; geo: Geo } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [nameProperty, setNameProperty] = useState<string | undefined>();
  const [crs, setCrs] = useState<MapCrs>('wgs84');
  const [preview, setPreview] = useState<BoundaryImportResult | null>(null);
  const [busy, withBusy] = useBusyAction();

  const properties = [...new Set((file?.geo.features ?? []).flatMap((f) => Object.keys(f.properties ?? {})))];

  const reset = () => {
    setFile(null);
    setFileError(null);
    setNameProperty(undefined);
    setPreview(null);
  };

  const run = async (apply: boolean, geo = file?.geo, prop = nameProperty, from = crs) => {
    if (!geo) return;
    await withBusy(async () => {
      const res = await api.post<BoundaryImportResult>(`/api/org/units/${unit.id}/boundaries/import`, {
        geojson: geoFromDisplay(geo, from),
        ...(prop && { nameProperty: prop }),
        apply,
      });
      setPreview(res);
      if (!prop && res.nameProperty) setNameProperty(res.nameProperty);
      if (apply) {
        message.success(t('org.import.applied', { n: res.applied }));
        reset();
        onDone();
      }
    });
  };

  const read = async (f: File) => {
    reset();
    try {
      const geo = JSON.parse(await f.text()) as Geo;
      if (!geo || typeof geo !== 'object' || typeof geo.type !== 'string') throw new Error('not geojson');
      setFile({ name: f.name, geo });
      await run(false, geo, undefined);
    } catch {
      setFileError(t('org.import.badFile'));
    }
    return false;
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t('org.import.title', { name: unit.name })}
      onCancel={() => {
        reset();
        onClose();
      }}
      okText={t('org.import.apply', { n: preview?.matched ?? 0 })}
      okButtonProps={{ disabled: !preview?.matched, loading: busy }}
      onOk={() => run(true)}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('org.import.help')}</Typography.Text>
        <Space wrap>
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            beforeUpload={read}
          >
            <Button icon={<UploadOutlined />} data-testid="boundary-import-file">
              {file ? file.name : t('org.import.choose')}
            </Button>
          </Upload>
          <Select
            style={{ minWidth: 180 }}
            placeholder={t('org.import.nameProperty')}
            value={nameProperty}
            options={properties.map((p) => ({ value: p, label: p }))}
            onChange={(p: string) => {
              setNameProperty(p);
              void run(false, file?.geo, p);
            }}
            disabled={!file}
          />
          <Radio.Group
            value={crs}
            onChange={(e) => {
              setCrs(e.target.value);
              void run(false, file?.geo, nameProperty, e.target.value);
            }}
            optionType="button"
            size="small"
            options={[
              { value: 'wgs84', label: t('org.import.wgs84') },
              { value: 'gcj02', label: t('org.import.gcj02') },
            ]}
          />
        </Space>
        {fileError ? <Alert type="error" showIcon message={fileError} /> : null}
        {preview ? (
          <>
            <Typography.Text data-testid="boundary-import-summary">
              {t('org.import.summary', { matched: preview.matched, total: preview.rows.length })}
              {preview.unmatchedGrids.length
                ? t('org.import.unmatched', { names: preview.unmatchedGrids.map((g) => g.name).join('、') })
                : ''}
            </Typography.Text>
            <Table
              size="small"
              rowKey="index"
              pagination={preview.rows.length > 10 ? { pageSize: 10 } : false}
              dataSource={preview.rows}
              data-testid="boundary-import-preview"
              columns={[
                { title: t('org.import.feature'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
                {
                  title: t('org.import.grid'),
                  dataIndex: 'unitName',
                  render: (n: string | null, r) =>
                    n ? (
                      <Space>
                        {n}
                        {r.replaces && !r.problem ? <Tag>{t('org.import.replaces')}</Tag> : null}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: t('org.import.result'),
                  dataIndex: 'problemText',
                  render: (p: string | null) =>
                    p ? (
                      <Typography.Text type="warning">{p}</Typography.Text>
                    ) : (
                      <Tag color="green">{t('org.import.ok')}</Tag>
                    ),
                },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
