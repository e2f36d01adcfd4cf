import { Box, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from './versionDiff.ts';

/** Each changed field: lines removed (struck, red) and added (green); how many stayed. */
export function VersionChanges({ changes, title }: { changes: FieldChange[]; title: string }) {
  const { t } = useTranslation();
  const nameOf = (field: string) => t(`catalog.admin.fieldNames.${field}` as 'catalog.admin.fieldNames.name', { defaultValue: field });
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={3} size="h5">
          {title}
        </Title>
        {changes.map((change) => (
          <Box key={change.field} data-changed-field={change.field}>
            <Text fw={600} size="sm">
              {nameOf(change.field)}
            </Text>
            {change.removed.length === 0 && change.added.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('catalog.admin.history.reordered')}
              </Text>
            ) : (
              <List size="sm" spacing={2} listStyleType="none" ml={0}>
                {change.removed.map((line, i) => (
                  <List.Item key={`r${i}`} c="red.8">
                    <Text span size="sm" fw={700} aria-hidden>
                      −{' '}
                    </Text>
                    <Text span size="sm" td="line-through">
                      <VisuallyHidden>{t('catalog.admin.history.before')}: </VisuallyHidden>
                      {line}
                    </Text>
                  </List.Item>
                ))}
                {change.added.map((line, i) => (
                  <List.Item key={`a${i}`} c="green.9">
                    <Text span size="sm" fw={700} aria-hidden>
                      +{' '}
                    </Text>
                    <Text span size="sm">
                      <VisuallyHidden>{t('catalog.admin.history.after')}: </VisuallyHidden>
                      {line}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
            {change.kept > 0 && (
              <Text size="xs" c="dimmed">
                {t('catalog.admin.history.kept', { count: change.kept })}
              </Text>
            )}
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
