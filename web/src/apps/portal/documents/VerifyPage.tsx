import { useState } from 'react';
import { Alert, Badge, FileButton, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { documentPaths, verifyPdf, type Verification, type VerifyRecord } from '../../../api/documents.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';

const VERDICT_COLORS = { valid: 'green', tampered: 'red', revoked: 'orange', unknown: 'gray', unsigned: 'gray' } as const;

function RecordTable({ record }: { record: VerifyRecord }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('documents.verify.resultCode'), record.resultCode],
    [t('documents.verify.dossierCode'), record.dossierCode ?? ''],
    [t('documents.verify.procedure'), record.procedureName],
    [t('documents.verify.signer'), `${record.signerName} — ${record.signerTitle}`],
    [t('documents.verify.unit'), record.unitName],
    [t('documents.verify.signedAt'), formatDateTime(record.signedAt)],
    [t('documents.verify.revocation'), record.revoked ? t('documents.verify.revokedOn', { date: formatDateTime(record.revokedAt ?? ''), reason: record.revokedReason ?? '' }) : t('documents.verify.notRevoked')],
  ];
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="35%">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** /xac-minh and /xac-minh/:token — anyone checks a signed result: by its QR code, or by uploading the PDF. */
export function VerifyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { token } = useParams();
  const record = useApiData<VerifyRecord>(token ? documentPaths.verifyRecord(token) : null);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function check(file: File | null) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyPdf(file));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md" maw={760} mx="auto" w="100%">
      <Title order={2}>{t('documents.verify.title')}</Title>
      <Text>{t('documents.verify.intro')}</Text>
      {token && (
        <Paper withBorder p="md" component="section" aria-label={t('documents.verify.record')}>
          <Title order={3} size="h4">
            {t('documents.verify.record')}
          </Title>
          <ProblemAlert error={record.error} />
          {record.loading && <PageLoader />}
          {record.data && <RecordTable record={record.data} />}
        </Paper>
      )}
      <FileButton onChange={check} accept="application/pdf">
        {(props) => (
          <Button {...props} loading={busy} w="fit-content">
            {t('documents.verify.upload')}
          </Button>
        )}
      </FileButton>
      <ProblemAlert error={error} />
      {result && (
        <Paper withBorder p="md" component="section" aria-label={t(`documents.verify.verdicts.${result.verdict}`)} data-verdict={result.verdict}>
          <Stack gap="sm">
            <Badge size="xl" color={VERDICT_COLORS[result.verdict]} data-testid="verdict">
              {t(`documents.verify.verdicts.${result.verdict}`)}
            </Badge>
            <Alert color={VERDICT_COLORS[result.verdict]} variant="light">
              {result.message[lang]}
            </Alert>
            {result.signatureValid !== null && (
              <Text>
                {t('documents.verify.signatureValid')}: <strong>{result.signatureValid ? t('documents.verify.yes') : t('documents.verify.no')}</strong>
              </Text>
            )}
            {result.identicalToIssued !== null && (
              <Text>
                {t('documents.verify.identical')}: <strong>{result.identicalToIssued ? t('documents.verify.same') : t('documents.verify.changed')}</strong>
              </Text>
            )}
            {result.signerCertificate && (
              <Text size="sm" c="dimmed">
                {t('documents.verify.certificate')}: {result.signerCertificate}
              </Text>
            )}
            {result.document && <RecordTable record={result.document} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
