import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierEvent } from '../../../api/dossiers.ts';
import { useLang } from '../../../shared/useLang.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';
import { statusName } from '../dossierText.ts';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** One event: what happened (in words), when, who and where, the status change, and its particulars. */
export function TimelineEntry({ event, dossier }: { event: DossierEvent; dossier: DossierDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = event.data;
  const step = typeof data['stepIndex'] === 'number' ? dossier.steps[data['stepIndex']] : undefined;
  const missing = strings(data['missing']);
  const resultCodes = strings(data['resultCodes']);
  const collectedBy = typeof data['collectedBy'] === 'string' ? data['collectedBy'] : null;
  const newDueAt = typeof data['newDueAt'] === 'number' ? new Date(data['newDueAt']).toISOString() : null;
  const who = [event.actor?.fullName, event.unit?.name].filter(Boolean).join(', ');
  const statusChanged = event.toStatus !== null && event.fromStatus !== event.toStatus;
  return (
    <Stack gap={2}>
      <Text fw={700} size="sm">
        {t(`dossier.events.${event.type}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatAppointment(event.at, t)}
        {who && ` · ${who}`}
      </Text>
      {statusChanged && (
        <Text size="xs">
          {event.fromStatus === null
            ? t('dossier.statusSet', { to: statusName(event.toStatus, lang) })
            : t('dossier.statusChange', { from: statusName(event.fromStatus, lang), to: statusName(event.toStatus, lang) })}
        </Text>
      )}
      {event.type === 'assigned' && step && <Text size="sm">{t('dossier.eventToStep', { step: step.name, unit: step.unit.name })}</Text>}
      {event.reason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.reason}
        </Text>
      )}
      {missing.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('dossier.eventMissing')}
          </Text>
          <List size="sm" withPadding>
            {missing.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </>
      )}
      {resultCodes.length > 0 && <Text size="sm">{t('dossier.eventResultCodes', { codes: resultCodes.join(', ') })}</Text>}
      {collectedBy && <Text size="sm">{t('dossier.eventCollectedBy', { name: collectedBy })}</Text>}
      {newDueAt && <Text size="sm">{t('dossier.eventNewDue', { time: formatAppointment(newDueAt, t) })}</Text>}
    </Stack>
  );
}
