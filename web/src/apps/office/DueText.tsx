import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatAppointment } from '../../shared/vietnamDate.ts';

interface DueTextProps {
  dueAt: string | null;
  overdue: boolean;
  paused: boolean;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}

/** A due moment in Vietnam time: red and marked when overdue, orange when the clock is paused (never colour alone). */
export function DueText({ dueAt, overdue, paused, size = 'sm' }: DueTextProps) {
  const { t } = useTranslation();
  if (!dueAt) return <Text size={size} c={paused ? 'orange.8' : 'dimmed'}>{paused ? t('dossier.paused') : t('dossier.noDue')}</Text>;
  const color = overdue ? 'red.8' : paused ? 'orange.8' : undefined;
  return (
    <Text size={size} c={color} fw={overdue || paused ? 700 : undefined} data-overdue={overdue || undefined} data-paused={paused || undefined}>
      {formatAppointment(dueAt, t)}
      {(overdue || paused) && ` (${[overdue && t('dossier.overdue'), paused && t('dossier.paused')].filter(Boolean).join(', ').toLowerCase()})`}
    </Text>
  );
}
