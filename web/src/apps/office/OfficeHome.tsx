import { Grid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JurisdictionUnits } from './JurisdictionUnits.tsx';
import { OfficerCard } from './OfficerCard.tsx';
import { WorkShortcuts } from './WorkShortcuts.tsx';

export function OfficeHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={2}>{t('office.title')}</Title>
      <WorkShortcuts />
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
