import { TextareaField } from '../../../phone/TextareaField';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { chinaMinute } from '../../../../shared/chinaTime';
import { useI18n } from '../../../app/i18n';
import { PhotoSentOnPick } from '../../../phone/PhotoPicker';
import { EmptyCard, Section, Tag, useToast } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { type MyDuty, svcApi, svcKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { TextField } from '../../../phone/PhoneInputs';
import { useFieldErrors } from '../../../phone/useFieldErrors';

/** /m/duty: the person on duty at a neighbour station (邻里驿站) logs their own duty on the day (R-SV-2). */
const DutyPage = loggedInPage('services.m.duty', MyDutyList, '/m');
export default DutyPage;

function MyDutyList() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: svcKeys.myDuty, queryFn: svcApi.myDuty });
  return (
    <>
      {!list.isSuccess ? (
        <QueryFallback query={list} />
      ) : list.data.length === 0 ? (
        <EmptyCard text={t('services.m.dutyNone')} />
      ) : (
        list.data.map((s) => <DutySlotCard key={s.id} s={s} />)
      )}
    </>
  );
}

const hhmm = (d: Date) => chinaMinute(d).slice(11, 16);

function DutySlotCard({ s }: { s: MyDuty[number] }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [content, setContent] = useState('');
  const [visitors, setVisitors] = useState('0');
  const [time, setTime] = useState(() => hhmm(new Date()));
  const { errors, setErrors, fail } = useFieldErrors();
  const add = useMutation({
    mutationFn: () => {
      const day = chinaMinute(new Date()).slice(0, 10);
      const at = time && day ? new Date(`${day}T${time}:00+08:00`).toISOString() : undefined;
      return svcApi.addMyDutyLog(s.id, { content, visitors: Number(visitors) || 0, at });
    },
    onSuccess: async () => {
      setContent('');
      setVisitors('0');
      setErrors({});
      toast(t('services.m.dutySaved'));
      await qc.invalidateQueries({ queryKey: svcKeys.myDuty });
    },
    onError: fail,
  });
  return (
    <Section
      title={`${s.stationName ?? ''}`}
      extra={s.today ? <Tag kind="ok">{t('services.m.dutyToday')}</Tag> : null}
      testId="m-duty-slot"
    >
      <p className="ph-p">
        {chinaMinute(new Date(s.startsAt))} – {hhmm(new Date(s.endsAt))}
        {s.stationAddress ? <span className="muted"> · {s.stationAddress}</span> : null}
      </p>
      {s.logs.length ? (
        <>
          <p className="ph-p muted">{t('services.m.dutyLogs')}</p>
          <ul className="list">
            {s.logs.map((l) => (
              <li key={l.id}>
                <div className="row">
                  <span>{l.content}</span>
                  <span className="muted" style={{ whiteSpace: 'nowrap' }}>
                    {hhmm(new Date(l.at))}
                  </span>
                </div>
                <div className="muted">
                  {t('services.m.dutyVisitors')} {l.visitors}
                  {l.hasPhoto ? ` · ${t('services.duty.photo')}✓` : ''}
                </div>
                {s.today && l.selfEntered && !l.hasPhoto ? (
                  <>
                    <p className="ph-p muted">{t('services.m.dutyPhoto')}</p>
                    <PhotoSentOnPick
                      testId="m-duty-photo"
                      send={async (file) => {
                        await svcApi.myDutyPhoto(l.id, file);
                        await qc.invalidateQueries({ queryKey: svcKeys.myDuty });
                      }}
                    />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.today ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <TextareaField
            label={t('services.m.dutyContent')}
            error={errors.content}
            rows={4}
            maxLength={2000}
            value={content}
            onChange={setContent}
            tall
            testId="m-duty-content"
          />
          <div className="row" style={{ gap: 12 }}>
            <TextField
              label={t('services.m.dutyTime')}
              error={errors.at}
              type="time"
              value={time}
              onChange={setTime}
            />
            <TextField
              label={t('services.m.dutyVisitors')}
              error={errors.visitors}
              type="number"
              inputMode="numeric"
              min={0}
              value={visitors}
              onChange={setVisitors}
            />
          </div>
          <button
            type="submit"
            className="btn btn-primary btn-big"
            disabled={!content.trim() || add.isPending}
            data-testid="m-duty-submit"
          >
            {t('services.m.dutySubmit')}
          </button>
        </form>
      ) : (
        <p className="ph-p muted">{t('services.m.dutyOther')}</p>
      )}
    </Section>
  );
}
