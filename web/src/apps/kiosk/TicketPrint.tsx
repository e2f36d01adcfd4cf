import { useEffect } from 'react';
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { queuePaths, type TicketView } from '../../api/queue.ts';
import { formatDateTime } from '../../shared/formatDateTime.ts';
import { PageLoader } from '../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useApiData } from '../../shared/useApiData.ts';
import './ticketPrint.css';

/** /kiosk/ticket/:id: the slip for a 58 or 80 mm thermal printer (?print=1 opens the print dialog). */
export function TicketPrint() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const { data, error } = useApiData<TicketView>(id ? queuePaths.ticket(id) : null);
  useEffect(() => {
    if (data && search.get('print') === '1') window.print();
  }, [data, search]);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <PageLoader />;
  return (
    <Box className="queue-ticket" component="article" aria-label={t('queue.print.title')}>
      <Text className="queue-ticket-centre">{data.centre.name}</Text>
      <Text className="queue-ticket-title">{t('queue.print.title').toUpperCase()}</Text>
      <Text className="queue-ticket-number" data-testid="print-number">
        {data.number}
      </Text>
      <Text className="queue-ticket-group">{data.group.name}</Text>
      {data.priority !== 'none' && <Text className="queue-ticket-line">{t(`queue.priorities.${data.priority}`)}</Text>}
      <Text className="queue-ticket-line">{t('queue.peopleAhead', { count: data.peopleAhead })}</Text>
      <Text className="queue-ticket-line">{t('queue.estimatedWait', { minutes: data.estimatedWaitMinutes })}</Text>
      <Text className="queue-ticket-small">{t('queue.print.issuedAt', { time: formatDateTime(data.issuedAt) })}</Text>
      <Text className="queue-ticket-small">{t('queue.print.keep')}</Text>
      <button type="button" className="queue-ticket-print" onClick={() => window.print()}>
        {t('queue.print.printNow')}
      </button>
    </Box>
  );
}
