import { Group, Pagination, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dossierPaths, type QueueFilter, type QueueResult } from '../../../api/dossiers.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';

const PAGE_SIZE = 25;

/** The filter lives in the address (?scope=mine&status=4&overdue=true&q=…&page=2): back and reload keep it. */
function filterOf(params: URLSearchParams): QueueFilter {
  const status = Number(params.get('status'));
  return {
    scope: params.get('scope') === 'mine' ? 'mine' : 'unit',
    status: status >= 1 && status <= 10 ? status : null,
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

/** /office/queue: the unit's dossiers or the officer's own, due soonest first, with counts and filters. */
export function QueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const queue = useApiData<QueueResult>(dossierPaths.queue(filter));

  function change(patch: Partial<QueueFilter>) {
    const next = { ...filter, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.scope === 'mine') out.set('scope', 'mine');
    if (next.status) out.set('status', String(next.status));
    if (next.overdue) out.set('overdue', 'true');
    if (next.q.trim()) out.set('q', next.q.trim());
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out, { replace: true });
  }

  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('office.queue.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('office.queue.intro')}
        </Text>
      </div>
      <Tabs value={filter.scope} onChange={(scope) => scope && change({ scope: scope as QueueFilter['scope'] })}>
        <Tabs.List aria-label={t('office.queue.scopeLabel')}>
          <Tabs.Tab value="unit">{t('office.queue.tabUnit')}</Tabs.Tab>
          <Tabs.Tab value="mine">{t('office.queue.tabMine')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <QueueFilters key={filter.q} filter={filter} onChange={change} />
      <Group gap="lg" aria-live="polite" data-testid="queue-counts">
        <Text fw={600}>{t('office.queue.total', { count: queue.data?.total ?? 0 })}</Text>
        <Text fw={600} c={queue.data?.overdue ? 'red.8' : undefined}>
          {t('office.queue.overdue', { count: queue.data?.overdue ?? 0 })}
        </Text>
      </Group>
      <ProblemAlert error={queue.error} onRetry={queue.reload} />
      <Paper withBorder p={0}>
        {queue.data ? <QueueTable items={queue.data.items} /> : queue.loading && <PageLoader />}
      </Paper>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={filter.page}
          onChange={(page) => change({ page })}
          aria-label={t('office.queue.pagination')}
        />
      )}
    </Stack>
  );
}
