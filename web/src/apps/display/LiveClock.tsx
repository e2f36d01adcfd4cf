import { useEffect, useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME_ZONE } from '../../shared/formatDateTime.ts';
import { useLang } from '../../shared/useLang.ts';

/** Vietnam's wall clock, whatever time zone the board's computer is set to. */
export function LiveClock() {
  const { t } = useTranslation();
  const lang = useLang();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: VIETNAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: VIETNAM_TIME_ZONE,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(now);
  return (
    <Stack gap={0} align="flex-end" aria-label={t('display.clockLabel')} role="timer">
      <Text component="time" dateTime={now.toISOString()} fz={{ base: 32, md: 48 }} fw={700} ff="monospace" lh={1.1} data-testid="display-clock">
        {time}
      </Text>
      <Text size="lg">{date}</Text>
    </Stack>
  );
}
