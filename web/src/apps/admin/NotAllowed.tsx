import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotAllowed({ username }: { username: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('auth.notAllowedTitle')} role="alert" mt="xl">
      {t('auth.notAllowedText', { username })}
      <Group mt="md" gap="sm">
        <Button component={Link} to="/office" variant="white" color="red">
          {t('auth.goToOffice')}
        </Button>
        <Button component={Link} to="/admin/calendar" variant="white" color="red">
          {t('auth.viewCalendar')}
        </Button>
      </Group>
    </Alert>
  );
}
