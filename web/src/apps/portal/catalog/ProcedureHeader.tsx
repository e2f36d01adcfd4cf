import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/procedures.ts';
import { missingComponentsText } from '../../../shared/catalog/catalogText.ts';
import { OnlineLevelBadge } from '../../../shared/catalog/OnlineLevelBadge.tsx';
import { OnlineSubmitButton } from './OnlineSubmitButton.tsx';

/** Name, code, online level and levels; the online-submission and print buttons; what the catalog lacks. */
export function ProcedureHeader({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const missing = procedure.hasDetail ? procedure.completeness.missing : [];
  return (
    <Stack gap="xs">
      <Title order={2} lh={1.3}>
        {procedure.name}
      </Title>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('catalog.procedure.codeLabel')}{' '}
          <Text span ff="monospace" c="dark" size="sm">
            {procedure.code}
          </Text>
        </Text>
        <OnlineLevelBadge level={procedure.onlineLevel} />
        {procedure.levels.map((level) => (
          <Badge key={level} variant="default">
            {t(`catalog.levels.${level}`)}
          </Badge>
        ))}
      </Group>
      {procedure.state === 'abolished' && (
        <Alert color="red" variant="light" role="status">
          {t('catalog.procedure.abolished')}
        </Alert>
      )}
      {!procedure.hasDetail && (
        <Alert color="yellow" variant="light" role="status">
          {t('catalog.procedure.listOnly')}
        </Alert>
      )}
      {missing.length > 0 && (
        <Text size="xs" c="dimmed" data-missing-components>
          {t('catalog.procedure.missing', { list: missingComponentsText(missing, t) })}
        </Text>
      )}
      <Group gap="sm" data-print-hide>
        <OnlineSubmitButton level={procedure.onlineLevel} code={procedure.code} />
        <Button variant="default" onClick={() => window.print()}>
          {t('catalog.procedure.print')}
        </Button>
      </Group>
    </Stack>
  );
}
