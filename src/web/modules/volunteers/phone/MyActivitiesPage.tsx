import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { Empty, formatAt, Section, Tag, useToast } from '../../../phone/ui';
import { CardNoteField } from '../../../phone/TextareaField';
import { QueryFallback } from '../../../phone/PhoneList';
import { BigButton } from '../../../phone/PhoneForm';
import { type MyActivity, hoursOf, volApi, volKeys } from '../api';
import { PhotoSentOnPick } from '../../../phone/PhotoPicker';
import { MyShell } from './MyShell';
import { currentPosition } from '../../../phone/geolocation';

function timeRange(a: { startsAt: string; endsAt: string }) {
  const s = formatAt(a.startsAt);
  const e = formatAt(a.endsAt);
  return `${s}–${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e.slice(5)}`;
}

function ActivityCard({ a }: { a: MyActivity }) {
  const { t, label } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [locating, setLocating] = useState(false);
  // Check-out ends the service and starts the community's confirmation: asked once more, with the time so far.
  const [confirmOut, setConfirmOut] = useState(false);
  // What the volunteer notes at check-out (optional); the photo is uploaded as soon as it is picked.
  const [note, setNote] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: volKeys.me });
  const signUp = useMutation({
    mutationFn: () => volApi.mySignUp(a.id),
    onSuccess: () => {
      toast(t('volunteers.m.signedUp'));
      refresh();
    },
    onError: (e) => {
      toast.error(e);
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => volApi.myCancel(a.id),
    onSuccess: refresh,
    onError: (e) => toast.error(e),
  });
  const check = useMutation({
    mutationFn: async (what: 'check-in' | 'check-out') => {
      const extra = what === 'check-out' && note.trim() ? { note: note.trim() } : {};
      setLocating(true);
      let pos: { lat: number; lng: number };
      try {
        pos = await currentPosition({ enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 });
      } catch {
        throw new Error(t('volunteers.m.noGeo'));
      } finally {
        setLocating(false);
      }
      return volApi.myCheck(a.id, what, { ...pos, ...extra });
    },
    onSuccess: () => {
      toast(t('volunteers.done'));
      refresh();
    },
    onError: (e) => toast.error(e),
  });
  const att = a.attendance;
  const ended = new Date(a.endsAt).getTime() < Date.now();
  const full = a.signupCount >= a.signupLimit;
  return (
    <Section
      title={a.title}
      extra={<Tag kind="plain">{t(`volunteers.type.${a.type}` as MessageKey)}</Tag>}
      testId="m-activity"
    >
      {a.theme ? (
        <p className="ph-p">
          {t('volunteers.theme')}：{label(`activity_theme.${a.theme}`)}
        </p>
      ) : null}
      <p className="ph-p">{timeRange(a)}</p>
      <p className="ph-p">{a.place}</p>
      <p className="ph-p muted">{t('volunteers.m.places', { count: a.signupCount, limit: a.signupLimit })}</p>
      {a.description ? <p className="ph-p pre">{a.description}</p> : null}
      <div style={{ marginTop: 12 }}>
        {att?.status === 'confirmed' ? (
          <Tag kind="ok">{t('volunteers.m.confirmed', { hours: hoursOf(att.minutes ?? 0) })}</Tag>
        ) : att?.status === 'checked_out' ? (
          <Tag kind="warn">{t('volunteers.m.checkedOut', { hours: hoursOf(att.minutes ?? 0) })}</Tag>
        ) : att?.status === 'checked_in' ? (
          <div className="stack">
            <Tag>{t('volunteers.m.checkedIn', { time: formatAt(att.checkInAt).slice(11) })}</Tag>
            {confirmOut ? (
              <div className="notice notice-warn" role="alertdialog" aria-labelledby={`co-${a.id}`}>
                <p className="ph-p" id={`co-${a.id}`}>
                  {t('volunteers.m.checkOutAsk', {
                    hours: hoursOf(
                      Math.max(
                        0,
                        Math.round((Date.now() - new Date(att.checkInAt ?? Date.now()).getTime()) / 60_000),
                      ),
                    ),
                  })}
                </p>
                <CardNoteField
                  label={t('volunteers.m.checkOutNote')}
                  maxLength={200}
                  value={note}
                  onChange={setNote}
                  placeholder={t('volunteers.m.checkOutNoteHint')}
                  testId="m-check-out-note"
                />
                <p className="ph-p muted">{t('volunteers.m.checkOutPhoto')}</p>
                <PhotoSentOnPick
                  testId="m-check-out-photo"
                  send={(file) => volApi.myCheckOutPhoto(a.id, file)}
                />
                <div className="row" style={{ gap: 8 }}>
                  <button
                    type="button"
                    className="btn btn-primary btn-big"
                    style={{ flex: 1 }}
                    disabled={check.isPending}
                    onClick={() => {
                      setConfirmOut(false);
                      check.mutate('check-out');
                    }}
                    data-testid="m-check-out-confirm"
                  >
                    {t('volunteers.m.checkOutYes')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-big"
                    style={{ flex: 1 }}
                    onClick={() => setConfirmOut(false)}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className="btn btn-block btn-big"
                disabled={check.isPending}
                onClick={() => setConfirmOut(true)}
                data-testid="m-check-out"
              >
                {locating ? t('volunteers.m.locating') : t('volunteers.m.checkOut')}
              </button>
            )}
          </div>
        ) : a.signedUp ? (
          <div className="stack">
            <BigButton
              disabled={ended || check.isPending}
              onClick={() => check.mutate('check-in')}
              testId="m-check-in"
            >
              {locating ? t('volunteers.m.locating') : t('volunteers.m.checkIn')}
            </BigButton>
            <button
              type="button"
              className="btn btn-text btn-block"
              onClick={() => cancel.mutate()}
              disabled={cancel.isPending}
              data-testid="m-cancel"
            >
              {t('volunteers.m.cancel')}
            </button>
          </div>
        ) : (
          <BigButton
            disabled={full || ended || signUp.isPending}
            onClick={() => signUp.mutate()}
            testId="m-sign-up"
          >
            {full ? t('volunteers.m.full') : t('volunteers.m.signUp')}
          </BigButton>
        )}
      </div>
    </Section>
  );
}

function ActivityList() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: volKeys.myActivities, queryFn: () => volApi.myActivities() });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  if (q.data.length === 0)
    return (
      <section className="ph-card">
        <Empty>{t('volunteers.m.none')}</Empty>
      </section>
    );
  return (
    <>
      {q.data.map((a) => (
        <ActivityCard key={a.id} a={a} />
      ))}
    </>
  );
}

/** /m/activities: this community's activities; sign up, check in and out at the place (geofence). */
export default function MyActivitiesPage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.activities')}>{() => <ActivityList />}</MyShell>;
}
