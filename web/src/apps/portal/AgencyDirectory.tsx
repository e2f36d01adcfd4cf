import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../../api/units.ts';
import { PageLoader } from '../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { UnitTree } from '../../shared/UnitTree.tsx';
import { useApiData } from '../../shared/useApiData.ts';

/** The province's agencies (GET /api/public/units) as a tree. */
export function AgencyDirectory() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApiData<Unit[]>(unitPaths.publicUnits);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="agencies-title">
      <Title order={3} id="agencies-title" mb="md">
        {t('portal.agencies')}
      </Title>
      <ProblemAlert error={error} onRetry={reload} />
      {data ? <UnitTree units={data} label={t('portal.agencies')} /> : loading && <PageLoader />}
    </Paper>
  );
}
