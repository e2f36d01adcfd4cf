import { useState } from 'react';
import { Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useServiceCentre } from '../../shared/useServiceCentre.ts';
import { KioskButton } from './KioskButton.tsx';
import { LookupDossier } from './LookupDossier.tsx';
import { RateOfficer } from './RateOfficer.tsx';
import { TakeTicket } from './TakeTicket.tsx';

type Mode = 'home' | 'ticket' | 'lookup' | 'rate';

/** /kiosk (?centre=<id or code>): the service centre's touch screen — take a ticket, look a dossier up, rate the officer. */
export function KioskApp() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const { centre, error, reload } = useServiceCentre();
  const centreRef = search.get('centre') ?? centre?.id ?? null;
  const centreName = centre?.name ?? t('kiosk.centreFallback');
  const [mode, setMode] = useState<Mode>('home');
  useDocumentTitle(`${t('common.appName')} — ${centreName}`);
  const home = () => setMode('home');
  return (
    <Box mih="100vh" bg="red.8" c="white" p={{ base: 'md', md: 40 }} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" align="flex-start" gap="lg" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <Text size="lg" fw={600} opacity={0.85}>
            {t('common.appName')}
          </Text>
          <Title order={1} fz={{ base: 28, md: 40 }}>
            {centreName}
          </Title>
        </div>
        <LanguageSwitch size="lg" />
      </Group>
      <ProblemAlert error={error} onRetry={reload} />
      <Stack flex={1} justify="center" align="center" gap="xl" py="xl">
        {mode === 'home' || !centreRef ? (
          <>
            <div style={{ textAlign: 'center' }}>
              <Title order={2} fz={{ base: 32, md: 52 }}>
                {t('kiosk.welcome')}
              </Title>
              <Text fz={{ base: 20, md: 28 }} mt="sm">
                {t('kiosk.prompt')}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl" w="100%" maw={1200}>
              <KioskButton disabled={!centreRef} onClick={() => setMode('ticket')} h={{ base: 120, md: 180 }}>
                {t('kiosk.takeTicket')}
              </KioskButton>
              <KioskButton disabled={!centreRef} onClick={() => setMode('lookup')} h={{ base: 120, md: 180 }}>
                {t('kiosk.lookup')}
              </KioskButton>
              <KioskButton disabled={!centreRef} onClick={() => setMode('rate')} h={{ base: 120, md: 180 }}>
                {t('kiosk.rate')}
              </KioskButton>
            </SimpleGrid>
          </>
        ) : mode === 'ticket' ? (
          <TakeTicket centre={centreRef} onDone={home} />
        ) : mode === 'lookup' ? (
          <LookupDossier onDone={home} />
        ) : (
          <RateOfficer centre={centreRef} onDone={home} />
        )}
      </Stack>
    </Box>
  );
}
