import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queueApi, queuePaths, type PublicCentre, type TicketView } from '../../api/queue.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useApiData } from '../../shared/useApiData.ts';
import { KioskButton } from './KioskButton.tsx';

const PRIORITIES = ['elderly', 'disability', 'pregnant'] as const;

/** The ticket just taken: number, group, people ahead, expected wait, and the printable slip. */
export function TicketCard({ ticket, onDone }: { ticket: TicketView; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper p="xl" radius="lg" c="dark" ta="center" role="status" aria-label={t('queue.kiosk.yourTicket')}>
      <Text fz={24}>{t('queue.kiosk.yourTicket')}</Text>
      <Text fz={96} fw={800} ff="monospace" lh={1.1} data-testid="ticket-number">
        {ticket.number}
      </Text>
      <Text fz={24} fw={600}>
        {ticket.group.name}
      </Text>
      <Text fz={22}>{t('queue.peopleAhead', { count: ticket.peopleAhead })}</Text>
      <Text fz={22}>{t('queue.estimatedWait', { minutes: ticket.estimatedWaitMinutes })}</Text>
      <Group justify="center" mt="lg">
        <Button component="a" href={`/kiosk/ticket/${ticket.id}?print=1`} target="_blank" size="xl" color="red">
          {t('queue.kiosk.print')}
        </Button>
        <Button size="xl" variant="default" onClick={onDone}>
          {t('queue.kiosk.done')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Choose a group, say whether a priority applies, get the ticket; or activate an online booking. */
export function TakeTicket({ centre, onDone }: { centre: string; onDone: () => void }) {
  const { t } = useTranslation();
  const data = useApiData<PublicCentre>(queuePaths.publicCentre(centre));
  const [group, setGroup] = useState<PublicCentre['groups'][number] | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');

  async function take(priority: string) {
    setError(null);
    try {
      setTicket(await queueApi.issue(centre, group!.id, priority));
    } catch (e) {
      setError(e);
    }
  }
  async function activate() {
    setError(null);
    // The booking's QR holds a URL ending in the code, or the code itself.
    const value = code.trim().split(/[/=]/).pop() ?? '';
    try {
      setTicket(await queueApi.activate(value));
    } catch (e) {
      setError(e);
    }
  }

  if (ticket) return <TicketCard ticket={ticket} onDone={onDone} />;
  const hours = data.data?.hoursToday;
  return (
    <Stack gap="lg" w="100%" maw={1200}>
      <ProblemAlert error={error ?? data.error} />
      {hours && (
        <Text fz={20} ta="center">
          {hours.open ? t('queue.hoursToday', { periods: hours.periods.map((p) => `${p.start}–${p.end}`).join(', ') }) : t('queue.closedToday')}
        </Text>
      )}
      {scanning ? (
        <Paper p="xl" radius="lg" c="dark">
          <form onSubmit={(e) => (e.preventDefault(), void activate())}>
            <Stack>
              <Text fz={20}>{t('queue.kiosk.scanBookingHelp')}</Text>
              <TextInput size="xl" label={t('queue.kiosk.bookingCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus />
              <Button type="submit" size="xl" color="red">
                {t('queue.kiosk.activate')}
              </Button>
            </Stack>
          </form>
        </Paper>
      ) : !group ? (
        <>
          <Title order={2} ta="center" fz={36}>
            {t('queue.kiosk.chooseGroup')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {(data.data?.groups ?? []).map((g) => (
              <KioskButton key={g.id} onClick={() => setGroup(g)}>
                <Stack gap={4} align="center">
                  <span>
                    {g.prefix} — {g.name}
                  </span>
                  <Text span fz={18}>
                    {t('queue.waitingCount', { count: g.waiting })}
                  </Text>
                </Stack>
              </KioskButton>
            ))}
            <KioskButton variant="outline" color="white" onClick={() => setScanning(true)}>
              {t('queue.kiosk.scanBooking')}
            </KioskButton>
          </SimpleGrid>
        </>
      ) : (
        <>
          <Title order={2} ta="center" fz={36}>
            {t('queue.kiosk.choosePriority')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <KioskButton onClick={() => void take('none')}>{t('queue.kiosk.noPriority')}</KioskButton>
            {PRIORITIES.map((p) => (
              <KioskButton key={p} onClick={() => void take(p)}>
                {t(`queue.priorities.${p}`)}
              </KioskButton>
            ))}
          </SimpleGrid>
        </>
      )}
      <Button size="xl" variant="outline" color="white" onClick={() => (group && !scanning ? setGroup(null) : onDone())}>
        {t('queue.kiosk.back')}
      </Button>
    </Stack>
  );
}
