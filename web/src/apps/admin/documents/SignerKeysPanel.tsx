import { useState } from 'react';
import { Alert, Button, FileInput, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';
import { ApiError } from '../../../api/client.ts';
import { documentPaths, installSignerKey, type SignerKey } from '../../../api/documents.ts';
import { staffPaths } from '../../../api/staff.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';

/** The certificate a signer signs with now: from the local test CA, or one installed here. */
function CurrentCertificate({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const key = useApiData<SignerKey>(documentPaths.signerKey(userId));
  if (key.error instanceof ApiError && key.error.status === 404) return <Text size="sm">{t('documents.signerKeys.none')}</Text>;
  if (key.error) return <ProblemAlert error={key.error} />;
  if (!key.data) return null;
  return (
    <Stack gap={2} aria-label={t('documents.signerKeys.current')}>
      <Text size="sm" fw={600}>
        {t(key.data.source === 'uploaded' ? 'documents.signerKeys.uploaded' : 'documents.signerKeys.localCa')}
      </Text>
      <Text size="sm">{t('documents.signerKeys.subject', { value: key.data.subject })}</Text>
      <Text size="sm">{t('documents.signerKeys.issuer', { value: key.data.issuer })}</Text>
      <Text size="sm">{t('documents.signerKeys.validity', { from: key.data.notBefore.slice(0, 10), to: key.data.notAfter.slice(0, 10), serial: key.data.serial })}</Text>
    </Stack>
  );
}

/** On /admin/papers: install a leader's signing certificate (.p12 from a licensed provider, with its password). */
export function SignerKeysPanel() {
  const { t } = useTranslation();
  const staff = useApiData<StaffAccount[]>(staffPaths.list);
  const [userId, setUserId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [installed, setInstalled] = useState(0);

  const signers = (staff.data ?? []).filter((s) => s.roles.some((r) => r.role === 'leader'));
  async function install(event: React.FormEvent) {
    event.preventDefault();
    if (!userId || !file) return;
    setError(null);
    try {
      await installSignerKey(userId, file, password);
      setInstalled((n) => n + 1);
      setFile(null);
      setPassword('');
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Paper withBorder p="lg" component="form" onSubmit={install} aria-labelledby="signer-keys-title">
      <Stack gap="sm" maw={720}>
        <Title order={2} id="signer-keys-title">
          {t('documents.signerKeys.title')}
        </Title>
        <Text size="sm">{t('documents.signerKeys.intro')}</Text>
        <ProblemAlert error={staff.error ?? error} />
        {installed > 0 && (
          <Alert color="green" role="status">
            {t('documents.signerKeys.installed')}
          </Alert>
        )}
        <Select
          label={t('documents.signerKeys.signer')}
          data={signers.map((s) => ({ value: s.id, label: `${s.fullName} — ${s.roles.find((r) => r.role === 'leader')?.unitName ?? ''}` }))}
          value={userId}
          onChange={(v) => {
            setUserId(v);
            setInstalled(0);
            setError(null);
          }}
          searchable
        />
        {userId && <CurrentCertificate key={`${userId}-${installed}`} userId={userId} />}
        <FileInput label={t('documents.signerKeys.file')} accept=".p12,.pfx,application/x-pkcs12" value={file} onChange={setFile} clearable />
        <PasswordInput label={t('documents.signerKeys.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
        <Button type="submit" w="fit-content" disabled={!userId || !file}>
          {t('documents.signerKeys.install')}
        </Button>
      </Stack>
    </Paper>
  );
}
