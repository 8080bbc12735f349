import { useQuery } from '@tanstack/react-query';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { LinkCard, QueryList } from '../../../phone/PhoneList';
import { EmptyCard, Tag, formatAt } from '../../../phone/ui';
import { careApi, careKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/care: the visit plans assigned to me, the most urgent first (overdue ones flagged). */
const MyVisitsPage = loggedInPage('care.m.title', Plans, '/m');
export default MyVisitsPage;

function Plans() {
  const { t } = useI18n();
  const q = { view: 'mine', page: 1, pageSize: 100 };
  const list = useQuery({ queryKey: careKeys.plans(q), queryFn: () => careApi.plans(q) });
  return (
    <QueryList query={list} empty={<EmptyCard text={t('care.m.empty')} />}>
      {(p) => (
        <LinkCard
          key={p.id}
          to={`/m/care/${p.id}`}
          title={p.residentNameMask}
          tag={
            <span className="row" style={{ gap: 6, flexWrap: 'wrap' }}>
              <Tag kind="plain">{t(`care.tag.${p.tag}` as MessageKey)}</Tag>
              {p.overdue ? <Tag kind="danger">{t('care.overdue')}</Tag> : null}
              {p.missedCount ? <Tag kind="warn">{t('care.m.missed', { n: p.missedCount })}</Tag> : null}
            </span>
          }
          wrap
          testId="care-plan"
        >
          <span className="ph-p" style={{ display: 'block' }}>
            {p.communityName ?? ''} {p.unitName ?? ''}
          </span>
          <span className="muted">
            {t('care.m.due', { at: formatAt(p.nextDueAt) })}
            {'　'}
            {t('care.field.everyDays', { n: p.frequencyDays })}
          </span>
        </LinkCard>
      )}
    </QueryList>
  );
}
