import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCitizen } from './useCitizen.ts';

/** The citizen's own strip on portal pages: sign in, or their name, "my dossiers" and sign out. */
export function CitizenBar() {
  const { t } = useTranslation();
  const { state, signOut } = useCitizen();
  const here = useLocation();
  if (state.status === 'loading') return null;
  if (state.status === 'signedOut')
    return (
      <Group justify="flex-end" gap="xs">
        <Button component={Link} to={`/dang-nhap?next=${encodeURIComponent(here.pathname + here.search)}`} size="xs" variant="light">
          {t('citizen.bar.signIn')}
        </Button>
      </Group>
    );
  const name = state.citizen.fullName ?? state.citizen.phone ?? '';
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" data-testid="citizen-name">
        {t('citizen.bar.hello', { name })}
      </Text>
      <Group gap="xs">
        <Anchor component={Link} to="/ho-so-cua-toi" size="sm">
          {t('citizen.bar.myDossiers')}
        </Anchor>
        <Button size="xs" variant="subtle" onClick={() => void signOut()}>
          {t('citizen.bar.signOut')}
        </Button>
      </Group>
    </Group>
  );
}
