import { Grid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AgencyDirectory } from './AgencyDirectory.tsx';
import { LegacyAddressTool } from './LegacyAddressTool.tsx';
import { ProcedureSearchCard } from './ProcedureSearchCard.tsx';
import { StaffLinks } from './StaffLinks.tsx';
import { CitizenHomeCard } from './citizen/CitizenHomeCard.tsx';
import { LookupCard } from './citizen/LookupCard.tsx';
import { MoreServices } from './MoreServices.tsx';

/** The public portal's home page. */
export function PortalHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('portal.welcome')}</Title>
        <Text c="dimmed">{t('portal.intro')}</Text>
      </div>
      <CitizenHomeCard />
      <ProcedureSearchCard />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AgencyDirectory />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <LookupCard />
            <MoreServices />
            <LegacyAddressTool />
            <StaffLinks />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
