import { Navigate } from 'react-router';
import { useAuth } from './auth';
import { Redirect } from './phonePaths';
import { Workbench } from './Workbench';

/**
 * "/": staff land on their workbench (工作台); residents and volunteers go to the phone app, a merchant's
 * staff to the redemption counter.
 */
export default function HomePage() {
  const { can } = useAuth();
  if (!can('org.read')) {
    if (can('redemptions.counter')) return <Navigate to="/counter" replace />;
    if (can('services.order') || can('services.serve')) return <Redirect to="/m" />;
  }
  return <Workbench />;
}
