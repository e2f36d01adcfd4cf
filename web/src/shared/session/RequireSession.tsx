import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../PageLoader.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { LoginForm } from './LoginForm.tsx';
import { useSession } from './useSession.ts';

/** Shows its children to a signed-in officer, and the sign-in form to anyone else. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, ensureLoaded, reload } = useSession();
  useEffect(ensureLoaded, [ensureLoaded]);
  switch (state.status) {
    case 'unknown':
    case 'loading':
      return <PageLoader label={t('auth.checking')} />;
    case 'signedOut':
      return <LoginForm />;
    case 'error':
      return <ProblemAlert error={state.error} onRetry={reload} />;
    case 'signedIn':
      return children;
  }
}
