import { useState } from 'react';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RATING_REASONS, RATING_LEVELS } from '@motcua/core/queue/schemas.ts';
import { queueApi } from '../../api/queue.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { KioskButton } from './KioskButton.tsx';

type Served = Awaited<ReturnType<typeof queueApi.served>>;

/** The citizen types the ticket just served, sees who served them, and rates once. */
export function RateOfficer({ centre, onDone }: { centre: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [served, setServed] = useState<Served | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function find() {
    setError(null);
    try {
      setServed(await queueApi.served(centre, number.trim().toUpperCase()));
    } catch (e) {
      setError(e);
    }
  }
  async function rate(level: string) {
    setError(null);
    try {
      await queueApi.rate(centre, { number: served!.number, level, reasons });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack gap="lg" w="100%" maw={1000}>
      <Paper p="xl" radius="lg" c="dark">
        {sent ? (
          <Text fz={32} fw={700} ta="center" role="status">
            {t('queue.kiosk.thanks')}
          </Text>
        ) : served ? (
          <Stack>
            <Text fz={26} fw={700}>
              {served.number} · {t('queue.kiosk.servedBy', { name: served.officerName ?? '—', counter: served.counterNumber ?? '—' })}
            </Text>
            {served.rated ? (
              <Text fz={22}>{t('queue.kiosk.alreadyRated')}</Text>
            ) : (
              <>
                <Text fz={22}>{t('queue.kiosk.howWasIt')}</Text>
                <Checkbox.Group label={t('queue.kiosk.reasonsLabel')} value={reasons} onChange={setReasons} size="lg">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                    {RATING_REASONS.map((r) => (
                      <Checkbox key={r} value={r} label={t(`queue.reasons.${r}`)} size="lg" />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {RATING_LEVELS.map((level) => (
                    <KioskButton key={level} variant="filled" color={level === 'not_satisfied' ? 'gray' : level === 'satisfied' ? 'blue' : 'green'} onClick={() => void rate(level)}>
                      {t(`queue.levels.${level}`)}
                    </KioskButton>
                  ))}
                </SimpleGrid>
              </>
            )}
            <ProblemAlert error={error} />
          </Stack>
        ) : (
          <form onSubmit={(e) => (e.preventDefault(), void find())}>
            <Stack>
              <Text fz={20}>{t('queue.kiosk.rateHelp')}</Text>
              <TextInput size="xl" label={t('queue.kiosk.ticketNumberField')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} autoFocus />
              <ProblemAlert error={error} />
              <Group>
                <Button type="submit" size="xl" color="red">
                  {t('queue.kiosk.findTicket')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
      <Button size="xl" variant="outline" color="white" onClick={onDone}>
        {t('queue.kiosk.back')}
      </Button>
    </Stack>
  );
}
