import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useServiceCentre } from '../../shared/useServiceCentre.ts';
import { LiveClock } from './LiveClock.tsx';
import { NowServingTable } from './NowServingTable.tsx';
import { useBoard } from './useBoard.ts';

/**
 * /display, /display/:centre or /display?centre=<id or code>: the board in the centre's hall. Calls
 * arrive live (server-sent events) and are spoken in Vietnamese, one at a time.
 */
export function DisplayApp() {
  const { t } = useTranslation();
  const params = useParams();
  const [search] = useSearchParams();
  const asked = params.centre ?? search.get('centre');
  const fallback = useServiceCentre();
  const centreRef = asked ?? fallback.centre?.id ?? null;
  const { board, connected, latest } = useBoard(centreRef);
  const centreName = board?.centre.name ?? (asked ? '' : fallback.centre?.name) ?? t('kiosk.centreFallback');
  useDocumentTitle(`${t('common.appName')} — ${t('apps.display')}`);
  return (
    <Box mih="100vh" bg="dark.8" c="white" p={{ base: 'md', md: 32 }} style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="lg">
        <div>
          <Text size="lg" c="red.4" fw={700}>
            {t('common.appName')}
          </Text>
          <Title order={1} fz={{ base: 26, md: 40 }}>
            {centreName || t('kiosk.centreFallback')}
          </Title>
        </div>
        <Group gap="xl" wrap="nowrap">
          {!connected && centreRef && <Badge color="yellow">{t('queue.display.connecting')}</Badge>}
          <LiveClock />
          <LanguageSwitch size="xs" />
        </Group>
      </Group>
      <ProblemAlert error={fallback.error} onRetry={fallback.reload} />
      {latest && (
        <Paper bg="red.8" p="lg" radius="lg" role="status" aria-live="assertive" data-testid="latest-call">
          <Text fz={{ base: 32, md: 56 }} fw={800} ta="center">
            {t('queue.display.call', { number: latest.number, counter: latest.counterNumber })}
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg" style={{ flex: 1 }}>
        <Box style={{ gridColumn: 'span 2', display: 'flex' }}>
          <NowServingTable board={board} highlight={latest?.number ?? null} />
        </Box>
        <Stack gap="lg">
          <Paper bg="dark.6" p="lg" radius="lg" component="section" aria-labelledby="last-called-title">
            <Title order={2} id="last-called-title" fz={28} c="yellow.4" mb="sm">
              {t('queue.display.lastCalled')}
            </Title>
            <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {(board?.lastCalled ?? []).map((call) => (
                <Group component="li" key={`${call.ticketId}-${call.at}`} justify="space-between" fz={24}>
                  <Text fz={26} fw={700} ff="monospace">
                    {call.number}
                  </Text>
                  <Text fz={22}>{t('queue.counter', { number: call.counterNumber })}</Text>
                </Group>
              ))}
            </Stack>
          </Paper>
          <Paper bg="dark.6" p="lg" radius="lg" component="section" aria-labelledby="waiting-title">
            <Title order={2} id="waiting-title" fz={28} c="yellow.4" mb="sm">
              {t('queue.display.waiting')}
            </Title>
            {(board?.waiting ?? []).map((g) => (
              <Group key={g.groupId} justify="space-between" fz={20}>
                <Text fz={20}>
                  {g.prefix} · {g.name}
                </Text>
                <Text fz={20} fw={700}>
                  {g.waiting}
                </Text>
              </Group>
            ))}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Box>
  );
}
