import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../problems.ts';
import { useLang } from '../useLang.ts';
import { useSession } from './useSession.ts';

/** Who is signed in, and the way out; nothing when no one is. */
export function SessionMenu() {
  const { t } = useTranslation();
  const lang = useLang();
  const { state, logout } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (state.status !== 'signedIn') return null;

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await logout();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="sm">
        {t('auth.signedInAs', { name: state.user.fullName })}
      </Text>
      <Button size="xs" variant="default" onClick={signOut} loading={busy}>
        {t('auth.logout')}
      </Button>
      {error != null && (
        <Text size="xs" c="red" role="alert">
          {problemOf(error)?.message[lang] ?? t('errors.client')}
        </Text>
      )}
    </Group>
  );
}
