import { useState } from 'react';
import { Alert, Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { procedurePaths, type ProcedureDetail, type VersionSummary } from '../../../api/procedures.ts';
import { OnlineLevelBadge } from '../../../shared/catalog/OnlineLevelBadge.tsx';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { catalogAdminPaths } from './catalogAdminPaths.ts';
import { ProcedureEditForm } from './ProcedureEditForm.tsx';
import { VersionHistory } from './VersionHistory.tsx';

type Tab = 'edit' | 'history';

/** /admin/catalog/procedures/:code[?tab=history] — edit a procedure into a new version; its history. */
export function ProcedureAdminPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'history' ? 'history' : 'edit';
  const detail = useApiData<ProcedureDetail>(procedurePaths.detail(code));
  const versions = useApiData<VersionSummary[]>(procedurePaths.versions(code));
  const [notice, setNotice] = useState<string | null>(null);
  const procedure = detail.data?.code === code ? detail.data : undefined;

  function saved(next: ProcedureDetail, previousVersion: number) {
    setNotice(
      next.version.number === previousVersion
        ? t('catalog.admin.edit.unchanged')
        : t('catalog.admin.edit.saved', { number: next.version.number, code: next.code }),
    );
    detail.reload();
    versions.reload();
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to={catalogAdminPaths.list} size="sm">
        ← {t('catalog.admin.edit.back')}
      </Anchor>
      <ProblemAlert error={detail.error ?? versions.error} onRetry={() => (detail.reload(), versions.reload())} />
      {!procedure ? (
        detail.loading && <PageLoader />
      ) : (
        <>
          <div>
            <Title order={2} lh={1.3}>
              {procedure.name}
            </Title>
            <Group gap="xs" mt={4}>
              <Text size="sm" c="dimmed" ff="monospace">
                {procedure.code}
              </Text>
              <OnlineLevelBadge level={procedure.onlineLevel} size="sm" />
              <Text size="sm" c="dimmed">
                {t('catalog.admin.edit.currentVersion', { number: procedure.version.number })}
              </Text>
              <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} size="sm">
                {t('catalog.admin.edit.viewOnPortal')}
              </Anchor>
            </Group>
          </div>
          {notice && (
            <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status">
              {notice}
            </Alert>
          )}
          <Tabs value={tab} onChange={(value) => setParams(value === 'history' ? { tab: 'history' } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List aria-label={t('catalog.admin.edit.tabsLabel')}>
              <Tabs.Tab value="edit">{t('catalog.admin.edit.tabEdit')}</Tabs.Tab>
              <Tabs.Tab value="history">
                {versions.data ? t('catalog.admin.edit.tabHistoryCount', { count: versions.data.length }) : t('catalog.admin.edit.tabHistory')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="edit" pt="md">
              <ProcedureEditForm key={procedure.version.id} procedure={procedure} onSaved={saved} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              {versions.data ? <VersionHistory key={versions.data.length} code={code} versions={versions.data} /> : versions.loading && <PageLoader />}
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
