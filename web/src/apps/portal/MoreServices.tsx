import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The citizen's other ways in: a queue ticket booked ahead, a petition, checking a signed paper. */
export function MoreServices() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="more-services-title">
      <Stack gap="xs">
        <Title order={3} id="more-services-title">
          {t('portal.servicesTitle')}
        </Title>
        <Anchor component={Link} to="/lay-so">
          {t('portal.servicesBooking')}
        </Anchor>
        <Anchor component={Link} to="/phan-anh">
          {t('portal.servicesPetition')}
        </Anchor>
        <Anchor component={Link} to="/xac-minh">
          {t('portal.servicesVerify')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
