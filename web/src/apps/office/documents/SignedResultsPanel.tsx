import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { documentPaths, revokeSigned, signResult, type SignedDocument } from '../../../api/documents.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';

/** The dossier's results: a leader signs each (visible stamp, verification QR); staff open, check and revoke them. */
export function SignedResultsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const signed = useApiData<SignedDocument[]>(documentPaths.signed(dossier.id));
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const results = dossier.documents.filter((d) => d.purpose === 'result' && d.resultCode);
  if (results.length === 0) return null;
  const list = signed.data ?? [];
  const unsigned = results.filter((r) => !list.some((s) => s.resultCode === r.resultCode && !s.revoked));

  async function run(action: () => Promise<unknown>, done: string | null) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      signed.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="signed-title" data-print-hide>
      <Stack gap="sm">
        <Title order={3} size="h4" id="signed-title">
          {t('documents.signed.title')}
        </Title>
        {notice && (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        )}
        <ProblemAlert error={error ?? signed.error} />
        {list.length === 0 && <Text size="sm">{t('documents.signed.none')}</Text>}
        {list.map((s) => (
          <Stack key={s.id} gap={4} data-signed-result={s.resultCode}>
            <Group gap="xs">
              <Text fw={600} ff="monospace">
                {s.resultCode}
              </Text>
              {s.revoked && <Badge color="red">{t('documents.signed.revoked', { reason: s.revokedReason ?? '' })}</Badge>}
            </Group>
            <Text size="sm">{t('documents.signed.signedBy', { name: s.signerName, time: formatDateTime(s.signedAt) })}</Text>
            <Group gap="sm">
              <Anchor href={documentPaths.signedFile(s.id)} target="_blank" rel="noopener" size="sm">
                {t('documents.signed.open')}
              </Anchor>
              <Anchor href={`/xac-minh/${s.token}`} target="_blank" rel="noopener" size="sm">
                {t('documents.signed.verifyLink')}
              </Anchor>
            </Group>
            {!s.revoked && (
              <Group gap="xs" align="flex-end">
                <TextInput size="xs" label={t('documents.signed.revokeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
                <Button size="xs" color="red" variant="light" disabled={busy || !reason.trim()} onClick={() => run(() => revokeSigned(s.id, reason.trim()), null)}>
                  {t('documents.signed.revoke')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
        {unsigned.length > 0 && (
          <Stack gap="xs">
            <Textarea label={t('documents.signed.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
            <Group gap="xs">
              {unsigned.map((r) => (
                <Button key={r.resultCode} size="xs" loading={busy} onClick={() => run(() => signResult(dossier.id, r.resultCode!, summary.trim() || undefined), t('documents.signed.done', { code: r.resultCode }))}>
                  {t('documents.signed.sign', { code: r.resultCode })}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
