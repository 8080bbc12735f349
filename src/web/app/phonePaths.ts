import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Paths of the residents' phone app (phone.html, its own light entry: /report, /track, /m/**). The console
 * reaches them by loading the page, never through its own router (it has no such routes).
 */
export const isPhonePath = (path: string) => /^\/(report|track|m)(\/|$|\?)/.test(path);

/** Goes to `to`: inside the console by the router, to a phone page by a full page load. */
export function useGo() {
  const navigate = useNavigate();
  return (to: string) => (isPhonePath(to) ? window.location.replace(to) : navigate(to, { replace: true }));
}

/** <Navigate> that also reaches phone pages. */
export function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    if (isPhonePath(to)) window.location.replace(to);
    else navigate(to, { replace: true });
  }, [to, navigate]);
  return null;
}
