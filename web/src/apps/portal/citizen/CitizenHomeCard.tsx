import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CitizenBar } from './CitizenBar.tsx';
import { useCitizen } from './useCitizen.ts';

/** On the portal home: sign in or go to "my dossiers". */
export function CitizenHomeCard() {
  const { t } = useTranslation();
  const { state } = useCitizen();
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('citizen.home.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('citizen.home.intro')}
        </Text>
        {state.status === 'signedIn' ? (
          <CitizenBar />
        ) : (
          <Group gap="xs">
            <Button component={Link} to="/dang-nhap">
              {t('citizen.bar.signIn')}
            </Button>
            <Button component={Link} to="/ho-so-cua-toi" variant="light">
              {t('citizen.bar.myDossiers')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
