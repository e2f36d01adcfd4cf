import { Alert, Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { CitizenBar } from './CitizenBar.tsx';
import { citizenApi, type CitizenDossierSummary } from './citizenApi.ts';
import { useCitizen } from './useCitizen.ts';
import { useCitizenData } from './useCitizenData.ts';

export const statusColor = (s: number) => (s === 5 || s === 6 ? 'orange' : s === 3 || s === 8 ? 'gray' : s >= 9 ? 'green' : s === 1 ? 'blue' : 'teal');

export function StatusBadge({ status }: { status: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor(status)} variant="light" data-testid="dossier-status" style={{ flexShrink: 0, maxWidth: 'none' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`citizen.status.${String(status) as '1'}`)}
    </Badge>
  );
}

/** /ho-so-cua-toi: the citizen's online dossiers, newest first, with what to do now. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const { state } = useCitizen();
  const list = useCitizenData<CitizenDossierSummary[]>(state.status === 'signedIn' ? 'list' : null, () => citizenApi.dossiers());
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'signedOut') return <Navigate to="/dang-nhap?next=%2Fho-so-cua-toi" replace />;
  return (
    <Stack gap="md" maw={720} mx="auto">
      <CitizenBar />
      <Title order={2}>{t('citizen.mine.title')}</Title>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      {!list.data ? (
        <PageLoader />
      ) : list.data.length === 0 ? (
        <Alert color="blue" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t('citizen.mine.empty')}</Text>
            <Button component={Link} to="/thu-tuc" size="xs" w="fit-content">
              {t('citizen.mine.findProcedure')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        list.data.map((d) => (
          <Card key={d.id} withBorder padding="sm" data-testid="my-dossier">
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {d.procedureName}
              </Text>
              <StatusBadge status={d.status} />
              <Text size="xs" c="dimmed">
                {t('citizen.mine.code')}: {d.code ?? t('citizen.mine.noCodeYet')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('citizen.mine.submittedAt')}: {formatDateTime(d.submittedAt)}
                {d.dueAt ? ` · ${t('citizen.mine.dueAt')}: ${formatDateTime(d.dueAt)}` : ''}
              </Text>
              {d.pendingSupplement && (
                <Alert color="orange" variant="light" p="xs" title={t('citizen.mine.supplementNeeded')}>
                  <Text size="xs">{d.pendingSupplement.missing.join('; ')}</Text>
                </Alert>
              )}
              <Anchor component={Link} to={`/ho-so-cua-toi/${d.id}`} size="sm">
                {t('citizen.mine.open')}
              </Anchor>
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
