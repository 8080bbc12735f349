import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { Empty, Notice, Section } from '../../../phone/ui';
import { QueryList } from '../../../phone/PhoneList';
import { certApi, certKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/certificates: the matters my community may certify (R-AC-2), each with the law and clause it rests on. */
export const CataloguePhonePage = loggedInPage('cert.phone.tile', Catalogue, '/m');

function Catalogue() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: certKeys.mine, queryFn: certApi.myCatalogue });
  return (
    <>
      <Notice>{t('cert.phone.intro')}</Notice>
      <QueryList query={q} empty={<Empty>{t('cert.phone.empty')}</Empty>}>
        {(i) => (
          <Section key={i.id} title={i.name} testId="certificate-item">
            {i.description ? <p className="ph-p">{i.description}</p> : null}
            <p className="ph-p">{t('cert.phone.basis', { law: `《${i.lawName}》`, clause: i.clause })}</p>
            {i.orgUnitName ? (
              <p className="muted">{t('cert.phone.keeper', { unit: i.orgUnitName })}</p>
            ) : null}
          </Section>
        )}
      </QueryList>
    </>
  );
}
