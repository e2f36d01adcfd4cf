import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { procedurePaths, type ImportRunSummary } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { catalogAdminPaths } from './catalogAdminPaths.ts';
import { ImportRunsTable } from './ImportRunsTable.tsx';
import { ImportUpload } from './ImportUpload.tsx';

/** /admin/catalog/imports — upload a national portal file; the recent imports and their reports. */
export function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const runs = useApiData<ImportRunSummary[]>(procedurePaths.imports);
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('catalog.admin.imports.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalog.admin.imports.intro')}
        </Text>
      </div>
      <Paper withBorder p="md">
        <ImportUpload onImported={(report) => navigate(catalogAdminPaths.importReport(report.id))} onFailed={runs.reload} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="import-runs-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="import-runs-title">
            {t('catalog.admin.imports.runs')}
          </Title>
          <ProblemAlert error={runs.error} onRetry={runs.reload} />
          {runs.data ? <ImportRunsTable runs={runs.data} /> : runs.loading && <PageLoader />}
        </Stack>
      </Paper>
    </Stack>
  );
}
