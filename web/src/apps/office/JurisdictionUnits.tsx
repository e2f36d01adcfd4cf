import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../../api/units.ts';
import { PageLoader } from '../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { UnitTree } from '../../shared/UnitTree.tsx';
import { useApiData } from '../../shared/useApiData.ts';

/** The units the officer's roles reach (GET /api/units): each grant covers its unit's subtree. */
export function JurisdictionUnits() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApiData<Unit[]>(unitPaths.jurisdiction);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="jurisdiction-title">
      <Title order={3} id="jurisdiction-title" mb="md">
        {t('office.jurisdiction')}
      </Title>
      <ProblemAlert error={error} onRetry={reload} />
      {data ? <UnitTree units={data} label={t('office.jurisdiction')} /> : loading && <PageLoader />}
    </Paper>
  );
}
