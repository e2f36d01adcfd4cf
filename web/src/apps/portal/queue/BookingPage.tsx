import { useState } from 'react';
import { Button, Group, Image, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { queuePaths, type PublicCentre, type TicketView } from '../../../api/queue.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useServiceCentre } from '../../../shared/useServiceCentre.ts';

interface SlotList {
  day: string;
  open: boolean;
  slots: { start: string; end: string; booked: number; capacity: number; available: boolean }[];
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const hhmm = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 16);

/** /lay-so: the portal's booking — a group, a day, a slot; the QR is activated at the kiosk on arrival. */
export function BookingPage() {
  const { t } = useTranslation();
  const { centre } = useServiceCentre();
  const data = useApiData<PublicCentre>(centre ? queuePaths.publicCentre(centre.id) : null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [day, setDay] = useState(today());
  const slots = useApiData<SlotList>(centre && groupId && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `/api/public/queue/centres/${centre.id}/slots?groupId=${groupId}&day=${day}` : null);
  const [booking, setBooking] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function book(slotStart: string) {
    setError(null);
    try {
      setBooking(await api.post<TicketView>(`/api/public/queue/centres/${centre!.id}/bookings`, { groupId, slotStart }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('queue.booking.title')}</Title>
      <Text c="dimmed">{t('queue.booking.intro')}</Text>
      <ProblemAlert error={error ?? data.error ?? slots.error} />
      {booking ? (
        <Paper withBorder p="lg" role="status" aria-label={t('queue.booking.booked')}>
          <Group align="flex-start">
            <Image src={`/api/public/queue/bookings/${booking.bookingCode}/qr.svg`} alt={t('queue.booking.code', { code: booking.bookingCode })} w={200} h={200} />
            <Stack gap={4}>
              <Title order={3}>{t('queue.booking.booked')}</Title>
              <Text>{booking.group.name}</Text>
              <Text>{t('queue.booking.slot', { time: formatDateTime(booking.slotStart!) })}</Text>
              <Text fw={700} ff="monospace" data-testid="booking-code">
                {t('queue.booking.code', { code: booking.bookingCode })}
              </Text>
              <Text size="sm">{t('queue.booking.show')}</Text>
            </Stack>
          </Group>
        </Paper>
      ) : (
        <>
          <Group align="flex-end">
            <Select label={t('queue.group')} data={(data.data?.groups ?? []).map((g) => ({ value: g.id, label: `${g.prefix} — ${g.name}` }))} value={groupId} onChange={setGroupId} w={360} />
            <TextInput type="date" label={t('queue.booking.day')} value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          </Group>
          {slots.data && !slots.data.open && <Text>{t('queue.booking.closed')}</Text>}
          {slots.data && slots.data.open && (
            <Paper withBorder p="md" component="section" aria-label={t('queue.booking.slots')}>
              <Title order={3} mb="sm">{t('queue.booking.slots')}</Title>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {slots.data.slots.map((s) => (
                  <Button key={s.start} variant="light" disabled={!s.available} onClick={() => void book(s.start)}>
                    {hhmm(s.start)}–{hhmm(s.end)}
                    {s.booked >= s.capacity ? ` · ${t('queue.booking.full')}` : ''}
                  </Button>
                ))}
              </SimpleGrid>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
