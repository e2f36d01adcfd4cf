import { Box, Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useServiceCentre } from '../../shared/useServiceCentre.ts';
import { LiveClock } from './LiveClock.tsx';
import { NowServingTable } from './NowServingTable.tsx';

/** /display: the board in the service centre's hall. Called tickets arrive with the queue issue. */
export function DisplayApp() {
  const { t } = useTranslation();
  const { centre, error, reload } = useServiceCentre();
  const centreName = centre?.name ?? t('kiosk.centreFallback');
  useDocumentTitle(`${t('common.appName')} — ${t('apps.display')}`);
  return (
    <Box mih="100vh" bg="dark.8" c="white" p={{ base: 'md', md: 32 }} style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="lg">
        <div>
          <Text size="lg" c="red.4" fw={700}>
            {t('common.appName')}
          </Text>
          <Title order={1} fz={{ base: 26, md: 40 }}>
            {centreName}
          </Title>
        </div>
        <Group gap="xl" wrap="nowrap">
          <LiveClock />
          <LanguageSwitch size="xs" />
        </Group>
      </Group>
      <ProblemAlert error={error} onRetry={reload} />
      <NowServingTable />
    </Box>
  );
}
