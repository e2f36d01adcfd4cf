import { useState } from 'react';
import { Alert, Anchor, Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Commune, Unit } from '@motcua/core/units/schemas.ts';
import { dossierPaths, type ActionType, type DossierDetail } from '../../../api/dossiers.ts';
import { unitPaths } from '../../../api/units.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { ApplicantPanel } from './ApplicantPanel.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { DossierHeader } from './DossierHeader.tsx';
import { DossierTimeline } from './DossierTimeline.tsx';
import { StepsPanel } from './StepsPanel.tsx';
import { ACTION_TYPES } from '@motcua/core/dossiers/schemas.ts';
import { PrintPanel } from '../documents/PrintPanel.tsx';
import { SignedResultsPanel } from '../documents/SignedResultsPanel.tsx';

/** /office/dossiers/:id: the dossier, its process and history, and the actions the officer may take. */
export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loaded = useApiData<DossierDetail>(dossierPaths.detail(id));
  const jurisdiction = useApiData<Unit[]>(unitPaths.jurisdiction);
  const province = jurisdiction.data?.[0]?.provinceCode ?? null;
  const communes = useApiData<Commune[]>(province ? unitPaths.communes(province) : null);
  // An action answers with the dossier as it now is: shown at once, so the next action carries the new version.
  const [acted, setActed] = useState<DossierDetail | null>(null);
  const [dialog, setDialog] = useState<ActionType | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const dossier = acted && acted.id === id && (!loaded.data || acted.version >= loaded.data.version) ? acted : loaded.data?.id === id ? loaded.data : undefined;

  function reload() {
    setDialog(null);
    setActed(null);
    setNotice(null);
    loaded.reload();
  }

  if (!dossier)
    return (
      <Stack>
        <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
        {loaded.loading && <PageLoader />}
      </Stack>
    );

  // The server offers only what the dossier's state and this officer's roles and units allow.
  const actions = ACTION_TYPES.filter((type) => dossier.allowedActions.includes(type));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/office/queue" size="sm" data-print-hide>
        ← {t('dossier.backToQueue')}
      </Anchor>
      <DossierHeader dossier={dossier} />
      {notice && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ActionsPanel actions={actions} onAction={(type) => (setNotice(null), setDialog(type))} />
            <DossierTimeline dossier={dossier} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <PrintPanel dossier={dossier} />
            <SignedResultsPanel dossier={dossier} />
            <StepsPanel dossier={dossier} />
            <ApplicantPanel dossier={dossier} communes={communes.data ?? []} />
            <DocumentsPanel dossier={dossier} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog && (
        <ActionDialog
          dossier={dossier}
          type={dialog}
          onClose={() => setDialog(null)}
          onReload={reload}
          onDone={(next) => {
            setActed(next);
            setNotice(t('dossier.done', { action: t(`dossier.actions.${dialog}`) }));
            setDialog(null);
          }}
        />
      )}
    </Stack>
  );
}
