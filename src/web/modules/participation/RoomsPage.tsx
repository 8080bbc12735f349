import { CheckCircleTwoTone, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Image,
  Input,
  Space,
  Switch,
  Tag,
  Tooltip,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ROOM_ITEMS, ROOM_ITEM_NAMES } from '../../../shared/contracts/deliberation';
import { useAuth } from '../../app/auth';
import { PageTable } from '../../app/components/PageTable';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { refilterOf } from '../../app/usePaging';
import { OrgUnitSelect } from '../org/api';
import { type Room, type RoomChecklist, delibApi } from './api';
import { ManageHeader } from './ManageHeader';

/** 居民议事厅（室） with the 六具备 checklist (R-DL-5): rooms missing any item are flagged. */
export default function RoomsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const refilter = refilterOf(setPage);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const q = { page, incomplete: onlyMissing ? 'true' : undefined };
  const list = useQuery({ queryKey: ['participation', 'rooms', q], queryFn: () => delibApi.rooms(q) });
  const flagged = list.data?.items.filter((r) => !r.complete).length ?? 0;
  return (
    <>
      <ManageHeader
        title={t('participation.room.title')}
        subtitle={t('participation.room.subtitle')}
        addLabel={t('participation.room.new')}
        onAdd={() => setEditing('new')}
      />
      <Card size="small">
        <Space style={{ marginBottom: 12 }}>
          <Switch checked={onlyMissing} onChange={refilter(setOnlyMissing)} />
          {t('participation.room.onlyMissing')}
        </Space>
        {flagged && !onlyMissing ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${t('participation.room.missing')}：${list.data?.items
              .filter((r) => !r.complete)
              .map((r) => `${r.unitName ?? ''}${r.name}（${r.missing.join('、')}）`)
              .join('；')}`}
          />
        ) : null}
        <PageTable<Room>
          list={list}
          page={page}
          onPage={setPage}
          empty={t('participation.room.empty')}
          rowClassName={(r) => (r.complete ? '' : 'ant-table-row-warning')}
          columns={[
            { title: t('participation.topic.unit'), dataIndex: 'unitName', width: 140 },
            { title: t('participation.room.name'), dataIndex: 'name', width: 180 },
            {
              title: t('participation.room.checklist'),
              key: 'checklist',
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.checklist.map((c) => (
                    <Tooltip
                      key={c.key}
                      title={
                        c.note || c.photo || c.photoUrl ? (
                          <>
                            {[c.note, c.photo].filter(Boolean).join(' · ')}
                            {c.photoUrl ? (
                              <img
                                src={c.photoUrl}
                                alt={t('participation.room.viewPhoto')}
                                style={{ display: 'block', maxWidth: 200, marginTop: 4 }}
                              />
                            ) : null}
                          </>
                        ) : undefined
                      }
                    >
                      <Tag
                        color={c.ok ? 'green' : 'red'}
                        icon={
                          c.ok ? (
                            <CheckCircleTwoTone twoToneColor="#389e0d" />
                          ) : (
                            <CloseCircleTwoTone twoToneColor="#cf1322" />
                          )
                        }
                      >
                        {c.name}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
            {
              title: t('participation.field.status'),
              key: 'status',
              width: 160,
              render: (_: unknown, r) =>
                r.complete ? (
                  <Tag color="green">{t('participation.room.complete')}</Tag>
                ) : (
                  <Tag color="red">
                    {t('participation.room.missing')} {r.missing.length}
                  </Tag>
                ),
            },
            ...(can('participation.manage')
              ? [
                  {
                    key: 'edit',
                    width: 110,
                    render: (_: unknown, r: Room) => (
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('participation.room.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? (
        <RoomModal room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO = 5 * 1024 * 1024;

function RoomModal({ room: initialRoom, onClose }: { room: Room | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [room, setRoom] = useState(initialRoom);
  const upload = useMutation({
    mutationFn: ({ item, file }: { item: string; file: File }) =>
      delibApi.uploadRoomPhoto(room!.id, item, file),
    onSuccess: (r) => {
      setRoom(r);
      message.success(t('participation.room.uploaded'));
      qc.invalidateQueries({ queryKey: ['participation', 'rooms'] });
    },
    onError: (e) => showError(e),
  });
  const beforeUpload = (item: string) => (file: File) => {
    if (!PHOTO_TYPES.includes(file.type) || file.size > MAX_PHOTO) {
      message.error(t('participation.room.photoRule'));
    } else {
      upload.mutate({ item, file });
    }
    return Upload.LIST_IGNORE;
  };
  const save = (v: Record<string, unknown>) => {
    const checklist: RoomChecklist = {};
    for (const k of ROOM_ITEMS) {
      const it = (v.items as Record<string, { ok?: boolean; note?: string; photo?: string }>)?.[k] ?? {};
      checklist[k] = { ok: !!it.ok, note: it.note || undefined, photo: it.photo || undefined };
    }
    return room
      ? delibApi.patchRoom(room.id, {
          name: v.name as string,
          address: (v.address as string) || undefined,
          checklist,
        })
      : delibApi.createRoom({
          orgUnitId: v.orgUnitId as string,
          name: v.name as string,
          address: (v.address as string) || undefined,
          checklist,
        });
  };
  const initial = room
    ? {
        name: room.name,
        address: room.address ?? undefined,
        items: Object.fromEntries(
          room.checklist.map((c) => [
            c.key,
            { ok: c.ok, note: c.note ?? undefined, photo: c.photo ?? undefined },
          ]),
        ),
      }
    : {};
  return (
    <SubmitModal
      title={room ? t('participation.room.edit') : t('participation.room.new')}
      submit={save}
      onClose={onClose}
      invalidate={['participation', 'rooms']}
      savedText={t('participation.topic.saved')}
      width={720}
      initialValues={initial}
    >
      {room ? null : (
        <Form.Item name="orgUnitId" label={t('participation.topic.unit')} rules={[{ required: true }]}>
          <OrgUnitSelect selectableKinds={['community', 'grid', 'compound']} />
        </Form.Item>
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="name"
          label={t('participation.room.name')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="address" label={t('participation.room.address')} style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Space.Compact>
      {ROOM_ITEMS.map((k) => (
        <Space key={k} align="start" style={{ display: 'flex' }}>
          <Form.Item
            name={['items', k, 'ok']}
            valuePropName="checked"
            style={{ width: 110, marginBottom: 8 }}
          >
            <Checkbox>{ROOM_ITEM_NAMES[k][locale]}</Checkbox>
          </Form.Item>
          <Form.Item name={['items', k, 'note']} style={{ width: 280, marginBottom: 8 }}>
            <Input placeholder={t('participation.room.note')} maxLength={400} />
          </Form.Item>
          <Form.Item name={['items', k, 'photo']} hidden>
            <Input />
          </Form.Item>
          {room ? (
            <Space style={{ marginBottom: 8 }}>
              {(() => {
                const url = room.checklist.find((c) => c.key === k)?.photoUrl;
                return url ? (
                  <Image
                    src={url}
                    width={48}
                    height={32}
                    style={{ objectFit: 'cover' }}
                    alt={t('participation.room.viewPhoto')}
                  />
                ) : null;
              })()}
              <Upload accept=".jpg,.jpeg,.png,.webp" showUploadList={false} beforeUpload={beforeUpload(k)}>
                <Button
                  size="small"
                  icon={<UploadOutlined />}
                  loading={upload.isPending && upload.variables?.item === k}
                >
                  {room.checklist.find((c) => c.key === k)?.photoUrl
                    ? t('participation.room.replacePhoto')
                    : t('participation.room.upload')}
                </Button>
              </Upload>
            </Space>
          ) : null}
        </Space>
      ))}
      {room ? null : <Alert type="info" showIcon message={t('participation.room.uploadAfterSave')} />}
    </SubmitModal>
  );
}
