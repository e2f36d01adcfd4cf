import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/procedures.ts';

type Agencies = Pick<ProcedureDetail, 'executingAgencies' | 'authorityAgencies' | 'coordinatingAgencies' | 'resultDelivery'>;

/** Which agencies carry the procedure out, decide it, and help; how the result comes back. */
export function WhereToSubmit({ procedure }: { procedure: Agencies }) {
  const { t } = useTranslation();
  const groups = [
    { key: 'executing', label: t('catalog.procedure.agencies.executing'), names: procedure.executingAgencies.map((a) => a.name) },
    { key: 'authority', label: t('catalog.procedure.agencies.authority'), names: procedure.authorityAgencies.map((a) => a.name) },
    { key: 'coordinating', label: t('catalog.procedure.agencies.coordinating'), names: procedure.coordinatingAgencies.map((a) => a.name) },
    { key: 'delivery', label: t('catalog.procedure.agencies.resultDelivery'), names: procedure.resultDelivery.map((d) => t(`catalog.resultDelivery.${d}`)) },
  ].filter((group) => group.names.length > 0);
  if (groups.length === 0) return <Text size="sm">{t('catalog.procedure.agencies.none')}</Text>;
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <div key={group.key}>
          <Text size="sm" c="dimmed">
            {group.label}
          </Text>
          <List size="sm" spacing={2}>
            {group.names.map((name, i) => (
              <List.Item key={i}>{name}</List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
