import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionType } from '../../../api/dossiers.ts';

const PRIMARY: ReadonlySet<ActionType> = new Set(['assigned', 'result_issued', 'returned', 'supplement_received', 'fee_paid']);
const DANGER: ReadonlySet<ActionType> = new Set(['stopped', 'withdrawal_requested']);

/** The actions the officer may take now, each opening its small form. */
export function ActionsPanel({ actions, onAction }: { actions: ActionType[]; onAction: (type: ActionType) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-actions" data-print-hide>
      <Stack gap="sm">
        <Title order={3} size="h4" id="dossier-actions">
          {t('dossier.actionsTitle')}
        </Title>
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dossier.noActions')}
          </Text>
        ) : (
          <Group gap="sm">
            {actions.map((type) => (
              <Button
                key={type}
                variant={PRIMARY.has(type) ? 'filled' : DANGER.has(type) ? 'outline' : 'light'}
                color={DANGER.has(type) ? 'red' : PRIMARY.has(type) ? 'blue' : undefined}
                onClick={() => onAction(type)}
              >
                {t(`dossier.actions.${type}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
