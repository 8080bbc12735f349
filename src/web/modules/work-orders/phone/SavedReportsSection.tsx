import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { Section } from '../../../phone/ui';
import { trackPath } from '../api';
import { savedReports } from './savedReports';

/** "My reports on this phone": the newest `max` reports kept on this device, each a link to its tracking page. */
export function SavedReportsSection({ max }: { max: number }) {
  const { t } = useI18n();
  const mine = savedReports();
  return mine.length ? (
    <Section title={t('pub.report.mine')} testId="report-mine">
      <ul className="list">
        {mine.slice(0, max).map((r) => (
          <li key={r.number}>
            <Link to={trackPath(r.number, r.token)} className="list-link">
              <span className="mono">{r.number}</span>
              <span className="muted">{r.category}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  ) : null;
}

/** The full-width link to a new report (/report), below a report's tracking page or the list of mine. */
export function NewReportLink() {
  const { t } = useI18n();
  return (
    <Link to="/report" className="btn btn-block">
      {t('pub.track.newReport')}
    </Link>
  );
}
