import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../../api/units.ts';
import { PageLoader } from '../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { UnitTree } from '../../shared/UnitTree.tsx';
import { useApiData } from '../../shared/useApiData.ts';
import { UnitFormModal, type UnitDialog } from './UnitFormModal.tsx';

/** /admin/units: the jurisdiction's units as a tree; add a child unit, edit a unit. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApiData<Unit[]>(unitPaths.jurisdiction);
  const [dialog, setDialog] = useState<UnitDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function saved(unit: Unit, mode: UnitDialog['mode']) {
    setDialog(null);
    setNotice(t(mode === 'create' ? 'admin.units.created' : 'admin.units.updated', { name: unit.name }));
    reload();
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('admin.units.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('admin.units.intro')}
        </Text>
      </div>
      {notice && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={error} onRetry={reload} />
      <Paper withBorder p="lg">
        {data ? (
          <UnitTree
            units={data}
            renderActions={(unit) => (
              <>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('admin.units.addChildTo', { name: unit.name })}
                  onClick={() => setDialog({ mode: 'create', parent: unit })}
                >
                  {t('admin.units.addChild')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('admin.units.editNamed', { name: unit.name })}
                  onClick={() => setDialog({ mode: 'edit', unit })}
                >
                  {t('admin.units.edit')}
                </Button>
              </>
            )}
          />
        ) : (
          loading && <PageLoader />
        )}
      </Paper>
      {dialog && <UnitFormModal dialog={dialog} onClose={() => setDialog(null)} onSaved={saved} />}
    </Stack>
  );
}
