import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegacyCommuneMapping } from '@motcua/core/units/schemas.ts';

/**
 * Every candidate the conversion table gives (one old name can match communes in many provinces),
 * as cards: they stay readable in the portal's narrow column and on phones.
 */
export function LegacyResults({ results }: { results: LegacyCommuneMapping[] }) {
  const { t } = useTranslation();

  if (results.length === 0)
    return (
      <Alert color="yellow" variant="light" role="status">
        {t('portal.legacy.noResults')}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Text fw={600} role="status">
        {t('portal.legacy.resultCount', { count: results.length })}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('portal.legacy.resultsLabel')}>
        {results.map((r) => (
          <Paper component="li" withBorder p="sm" key={`${r.oldCode}-${r.newCode}`} data-old-code={r.oldCode}>
            <Text size="xs" c="dimmed">
              {t('portal.legacy.newUnit')}
            </Text>
            <Text fw={700}>
              {[r.newName, r.newProvinceName ?? r.newProvinceCode].filter(Boolean).join(', ')}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                ({t('portal.legacy.code', { code: r.newCode })})
              </Text>
            </Text>
            <Text size="xs" c="dimmed" mt={6}>
              {t('portal.legacy.oldUnit')}
            </Text>
            <Text size="sm">
              {[r.oldName, r.oldDistrictName, r.oldProvinceName].filter(Boolean).join(', ')}{' '}
              <Text span size="xs" c="dimmed">
                ({t('portal.legacy.code', { code: r.oldCode })})
              </Text>
            </Text>
            {r.note && (
              <Text size="xs" mt={6}>
                {t('portal.legacy.note')}: {r.note}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
