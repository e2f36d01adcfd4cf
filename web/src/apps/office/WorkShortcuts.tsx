import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dossierPaths, type QueueResult } from '../../api/dossiers.ts';
import { useSignedInUser } from '../../shared/session/useSession.ts';
import { useApiData } from '../../shared/useApiData.ts';
import { counterUnits } from './officeRoles.ts';
import { QueueCount } from './QueueCount.tsx';

const countOnly = { status: null, overdue: false, q: '', page: 1, pageSize: 1 } as const;

/** Cards to the officer's daily work: reception (counter officers) and the queue with its counts. */
export function WorkShortcuts() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const unit = useApiData<QueueResult>(dossierPaths.queue({ scope: 'unit', ...countOnly }));
  const mine = useApiData<QueueResult>(dossierPaths.queue({ scope: 'mine', ...countOnly }));
  const canReceive = counterUnits(user).length > 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: canReceive ? 2 : 1 }} spacing="lg">
      {canReceive && (
        <Paper withBorder p="lg" component="section" aria-labelledby="shortcut-receive">
          <Stack gap="sm" h="100%" justify="space-between">
            <div>
              <Title order={3} id="shortcut-receive">
                {t('office.home.receiveTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('office.home.receiveText')}
              </Text>
            </div>
            <Group>
              <Button component={Link} to="/office/receive" size="md">
                {t('office.home.receiveLink')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="lg" component="section" aria-labelledby="shortcut-queue">
        <Stack gap="sm">
          <div>
            <Title order={3} id="shortcut-queue">
              {t('office.home.queueTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('office.home.queueText')}
            </Text>
          </div>
          <Group gap="xl" role="list" aria-label={t('office.home.countsLabel')}>
            <QueueCount label={t('office.home.unitCount')} value={unit.data?.total} to="/office/queue" />
            <QueueCount label={t('office.home.mineCount')} value={mine.data?.total} to="/office/queue?scope=mine" />
            <QueueCount label={t('office.home.overdueCount')} value={unit.data?.overdue} to="/office/queue?overdue=true" alert />
          </Group>
          <Group>
            <Button component={Link} to="/office/queue" size="md" variant="light">
              {t('office.home.queueLink')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
