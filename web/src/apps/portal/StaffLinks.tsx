import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way in for officers, and to the centre's kiosk and display pages. */
export function StaffLinks() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="staff-links-title">
      <Stack gap="sm">
        <Title order={3} id="staff-links-title">
          {t('portal.staffTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portal.staffText')}
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/office">
            {t('portal.staffLink')}
          </Button>
          <Button component={Link} to="/admin" variant="default">
            {t('portal.adminLink')}
          </Button>
        </Group>
        <Group gap="md">
          <Anchor component={Link} to="/kiosk" size="sm">
            {t('portal.kioskLink')}
          </Anchor>
          <Anchor component={Link} to="/display" size="sm">
            {t('portal.displayLink')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
