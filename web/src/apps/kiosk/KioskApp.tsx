import { Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useServiceCentre } from '../../shared/useServiceCentre.ts';
import { KioskAction } from './KioskAction.tsx';

/** /kiosk: the service centre's touch screen. Its three services arrive with the queue issue. */
export function KioskApp() {
  const { t } = useTranslation();
  const { centre, error, reload } = useServiceCentre();
  const centreName = centre?.name ?? t('kiosk.centreFallback');
  useDocumentTitle(`${t('common.appName')} — ${centreName}`);
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
        <div style={{ textAlign: 'center' }}>
          <Title order={2} fz={{ base: 32, md: 52 }}>
            {t('kiosk.welcome')}
          </Title>
          <Text fz={{ base: 20, md: 28 }} mt="sm">
            {t('kiosk.prompt')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl" w="100%" maw={1200}>
          <KioskAction label={t('kiosk.takeTicket')} id="take-ticket" />
          <KioskAction label={t('kiosk.lookup')} id="lookup" />
          <KioskAction label={t('kiosk.rate')} id="rate" />
        </SimpleGrid>
      </Stack>
    </Box>
  );
}
