import type { ComponentType } from 'react';
import { type MessageKey, useI18n } from '../app/i18n';
import { BackLink, RequireLogin, Shell } from './ui';

/**
 * A phone page that needs a login: the page frame titled `title` around `Body`, which shows only to a
 * logged-in visitor (anyone else goes to the login page and comes back here after it); with `backTo`, a
 * link back there stands above `Body`.
 */
export function loggedInPage(title: MessageKey, Body: ComponentType, backTo?: string): ComponentType {
  function LoggedInPage() {
    const { t } = useI18n();
    return (
      <Shell title={t(title)}>
        <RequireLogin>
          {backTo ? <BackLink to={backTo} /> : null}
          <Body />
        </RequireLogin>
      </Shell>
    );
  }
  LoggedInPage.displayName = `LoggedInPage(${Body.displayName ?? Body.name})`;
  return LoggedInPage;
}
