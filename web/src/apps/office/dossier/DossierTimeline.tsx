import { Paper, Stack, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { TimelineEntry } from './TimelineEntry.tsx';

/** Every event of the dossier, oldest first, in plain words: the audit trail the officers read. */
export function DossierTimeline({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-timeline">
      <Stack gap="md">
        <Title order={3} size="h4" id="dossier-timeline">
          {t('dossier.timelineTitle')}
        </Title>
        <Timeline active={dossier.events.length - 1} bulletSize={22} lineWidth={2} role="list" aria-labelledby="dossier-timeline">
          {dossier.events.map((event) => (
            <Timeline.Item key={event.seq} role="listitem" bullet={event.seq} data-event-type={event.type}>
              <TimelineEntry event={event} dossier={dossier} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
