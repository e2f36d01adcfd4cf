import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/session/useSession.ts';

/** The signed-in officer and the roles they hold, each in its unit. */
export function OfficerCard() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="officer-title">
      <Stack gap="sm">
        <Title order={3} id="officer-title">
          {t('office.officer')}
        </Title>
        <Text size="xl" fw={700}>
          {user.fullName}
        </Text>
        <Text size="sm">
          {t('office.username')}: <b>{user.username}</b>
        </Text>
        {user.email && (
          <Text size="sm">
            {t('office.email')}: {user.email}
          </Text>
        )}
        <Title order={4}>{t('office.roles')}</Title>
        <List spacing="xs" listStyleType="none" aria-label={t('office.roles')}>
          {user.roles.map((grant) => (
            <List.Item key={`${grant.role}-${grant.unitId}`}>
              <Badge variant="light" mr="xs">
                {t(`roles.${grant.role}`)}
              </Badge>
              <Text span size="sm">
                {grant.unitName}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
