import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { QueryList } from '../../../phone/PhoneList';
import { EmptyCard } from '../../../phone/ui';
import { svcApi, svcKeys } from '../api';
import { OrderCard } from './parts';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/orders: the orders I placed. */
const OrdersPage = loggedInPage('services.m.orders', MyOrders, '/m');
export default OrdersPage;

function MyOrders() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: svcKeys.myOrders, queryFn: svcApi.myOrders, refetchInterval: 30_000 });
  return (
    <QueryList
      query={list}
      empty={
        <EmptyCard text={t('services.m.noOrders')}>
          <Link to="/m/services" className="btn btn-primary">
            {t('services.m.services')}
          </Link>
        </EmptyCard>
      }
    >
      {(o) => <OrderCard key={o.id} o={o} to={`/m/orders/${o.id}`} />}
    </QueryList>
  );
}
