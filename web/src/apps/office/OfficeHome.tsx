import { Grid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JurisdictionUnits } from './JurisdictionUnits.tsx';
import { OfficerCard } from './OfficerCard.tsx';
import { WorkShortcuts } from './WorkShortcuts.tsx';
import { OnlineSubmissionsPanel } from './reception/OnlineSubmissionsPanel.tsx';
import { holdsRole } from './officeRoles.ts';
import { useSignedInUser } from '../../shared/session/useSession.ts';

export function OfficeHome() {
  const { t } = useTranslation();
  // Supervisors watch the online submissions' 8-working-hour review (warnings and breaches).
  const supervisor = holdsRole(useSignedInUser(), ['supervisor']);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('office.title')}</Title>
      <WorkShortcuts />
      {supervisor && <OnlineSubmissionsPanel readOnly />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <OfficerCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <JurisdictionUnits />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
