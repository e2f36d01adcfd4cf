import { useState } from 'react';
import { Alert, Anchor, Button, Card, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { CitizenBar } from './CitizenBar.tsx';
import { citizenApi, type AttachedDocument, type CitizenDossierDetail } from './citizenApi.ts';
import { DocumentUploads } from './DocumentUploads.tsx';
import { StatusBadge } from './MyDossiersPage.tsx';
import { useCitizen } from './useCitizen.ts';
import { useCitizenData } from './useCitizenData.ts';

/** /ho-so-cua-toi/:id: status, due date, the timeline in plain words, and the supplement to hand in. */
export function MyDossierPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { state } = useCitizen();
  const detail = useCitizenData<CitizenDossierDetail>(state.status === 'signedIn' ? id : null, () => citizenApi.dossier(id));
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'signedOut') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(`/ho-so-cua-toi/${id}`)}`} replace />;
  const d = detail.data;
  const results = d?.documents.filter((doc) => doc.purpose === 'result') ?? [];
  return (
    <Stack gap="md" maw={720} mx="auto">
      <CitizenBar />
      <Anchor component={Link} to="/ho-so-cua-toi" size="sm">
        {t('citizen.mine.back')}
      </Anchor>
      <ProblemAlert error={detail.error} onRetry={detail.reload} />
      {!d ? (
        <PageLoader />
      ) : (
        <>
          {params.get('moi') === '1' && d.status === 1 && (
            <Alert color="green" variant="light" data-testid="submitted-notice">
              {t('citizen.mine.justSubmitted')}
            </Alert>
          )}
          <Stack gap={4}>
            <Title order={2} size="h4">
              {d.procedureName}
            </Title>
            <StatusBadge status={d.status} />
            <Text size="sm" data-testid="dossier-code">
              {t('citizen.mine.code')}: <strong>{d.code ?? t('citizen.mine.noCodeYet')}</strong>
            </Text>
            {d.lookupSecret && (
              <Text size="sm">
                {t('citizen.mine.lookupSecret')}: <strong>{d.lookupSecret}</strong> ·{' '}
                <Anchor component={Link} to={`/tra-cuu/${encodeURIComponent(d.code ?? '')}?k=${encodeURIComponent(d.lookupSecret)}`}>
                  {t('citizen.mine.lookupLink')}
                </Anchor>
              </Text>
            )}
            {d.code && (
              <Anchor size="sm" href={`/api/citizen/dossiers/${d.id}/documents/receipt.pdf`} target="_blank" rel="noopener">
                {t('citizen.mine.receipt')}
              </Anchor>
            )}
            <Text size="sm" c="dimmed">
              {t('citizen.mine.submittedAt')}: {formatDateTime(d.submittedAt)}
              {d.status === 1 ? ` · ${t('citizen.mine.reviewBy')}: ${formatDateTime(d.reviewDueAt)}` : ''}
            </Text>
            {d.dueAt && (
              <Text size="sm">
                {t('citizen.mine.dueAt')}: <strong>{formatDateTime(d.dueAt)}</strong>
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('citizen.mine.where')}: {d.receivingUnitName}
              {d.holdingUnitName && d.holdingUnitName !== d.receivingUnitName ? ` · ${t('citizen.mine.holder')}: ${d.holdingUnitName}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {t('citizen.mine.returnMethod')}: {t(`citizen.submit.${d.returnMethod === 'postal' ? 'returnPostal' : d.returnMethod === 'counter' ? 'returnCounter' : 'returnElectronic'}`)}
            </Text>
          </Stack>
          {d.status === 10 && d.code && d.lookupSecret && (
            <Card withBorder padding="sm" bg="green.0" data-testid="rate-card">
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('citizen.mine.rateTitle')}
                </Title>
                <Text size="sm">{t('citizen.mine.rateHint')}</Text>
                <Button component={Link} to={`/danh-gia/${encodeURIComponent(d.code)}?k=${encodeURIComponent(d.lookupSecret)}&src=portal`} fullWidth>
                  {t('citizen.mine.rate')}
                </Button>
              </Stack>
            </Card>
          )}
          {d.pendingSupplement && <SupplementCard dossier={d} onDone={(next) => detail.setData(next)} />}
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              {t('citizen.mine.timeline')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} active={d.events.length - 1}>
              {d.events.map((e, i) => (
                <Timeline.Item key={i} title={t(`citizen.events.${e.type as 'submitted'}`)} data-testid="timeline-item">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)}
                    {e.unitName ? ` · ${e.unitName}` : ''}
                  </Text>
                  {e.reason && <Text size="xs">{t('citizen.mine.reason', { reason: e.reason })}</Text>}
                  {e.missing.length > 0 && (
                    <List size="xs">
                      {e.missing.map((m) => (
                        <List.Item key={m}>{m}</List.Item>
                      ))}
                    </List>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
          {results.length > 0 && (
            <Card withBorder padding="sm" data-testid="dossier-results">
              <Title order={3} size="h5" mb="xs">
                {t('citizen.mine.results')}
              </Title>
              <DocumentList dossierId={d.id} documents={results} />
            </Card>
          )}
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              {t('citizen.mine.documents')}
            </Title>
            <DocumentList dossierId={d.id} documents={d.documents.filter((doc) => doc.purpose !== 'result')} />
          </Card>
        </>
      )}
    </Stack>
  );
}

/** The dossier's papers, each file opening in a new tab (`/api/citizen/dossiers/:id/files/:sha256`). */
function DocumentList({ dossierId, documents }: { dossierId: string; documents: CitizenDossierDetail['documents'] }) {
  const { t } = useTranslation();
  return (
    <List size="sm">
      {documents.map((doc, i) => (
        <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
          {doc.name}
          {doc.fileName && doc.fileSha256 ? (
            <>
              {' — '}
              <Anchor href={`/api/citizen/dossiers/${dossierId}/files/${doc.fileSha256}`} target="_blank" rel="noopener" aria-label={t('citizen.mine.openFile', { name: doc.fileName })}>
                {doc.fileName}
              </Anchor>
            </>
          ) : doc.fileName ? (
            ` — ${doc.fileName}`
          ) : (
            ''
          )}
        </List.Item>
      ))}
    </List>
  );
}

function SupplementCard({ dossier, onDone }: { dossier: CitizenDossierDetail; onDone: (d: CitizenDossierDetail) => void }) {
  const { t } = useTranslation();
  const [docs, setDocs] = useState<AttachedDocument[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const missing = dossier.pendingSupplement!.missing;
  const slots = (missing.length > 0 ? missing : [t('citizen.mine.supplementTitle')]).map((name) => ({ requirementIndex: null, name, required: true }));
  return (
    <Card withBorder padding="sm" bg="orange.0" data-testid="supplement-card">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('citizen.mine.supplementTitle')}
        </Title>
        {dossier.pendingSupplement!.reason && <Text size="sm">{t('citizen.mine.reason', { reason: dossier.pendingSupplement!.reason })}</Text>}
        <Text size="xs" c="dimmed">
          {t('citizen.mine.supplementHint')}
        </Text>
        <DocumentUploads slots={slots} value={docs} onChange={setDocs} />
        <ProblemAlert error={error} />
        <Button
          disabled={docs.length === 0}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              onDone(await citizenApi.supplement(dossier.id, dossier.version, docs));
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('citizen.mine.sendSupplement')}
        </Button>
      </Stack>
    </Card>
  );
}
