import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAY_KINDS } from '@motcua/core/calendar/index.ts';
import classes from './YearCalendar.module.css';

/** What each colour means; the rest-day mark only when some rest day of the unit has opening hours. */
export function DayKindLegend({ showOpenOnRestDay }: { showOpenOnRestDay: boolean }) {
  const { t } = useTranslation();
  return (
    <Group component="ul" gap="md" aria-label={t('admin.calendar.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {DAY_KINDS.map((kind) => (
        <Group component="li" key={kind} gap={6} wrap="nowrap">
          <span className={`${classes.kind} ${classes.swatch}`} data-kind={kind} aria-hidden />
          <Text size="sm">{t(`calendar.kinds.${kind}`)}</Text>
        </Group>
      ))}
      {showOpenOnRestDay && (
        <Group component="li" gap={6} wrap="nowrap">
          <span className={`${classes.kind} ${classes.swatch}`} data-kind="weekend" data-open="true" aria-hidden />
          <Text size="sm">{t('admin.calendar.openOnRestDay')}</Text>
        </Group>
      )}
    </Group>
  );
}
