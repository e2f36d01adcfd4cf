import { useState } from 'react';
import { Button, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../shared/formatDateTime.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useLang } from '../../shared/useLang.ts';

interface PublicStatus {
  code: string;
  procedureName: string;
  statusName: { vi: string; en: string };
  dueAt: string | null;
  holdingUnitName: string | null;
  handlingOfficer: string | null;
}

/**
 * What the scanner typed: the receipt's QR holds `${PUBLIC_BASE_URL}/tra-cuu/${code}?k=${secret}`;
 * its Code 128 barcode holds the code only (the secret printed on the receipt is then typed).
 */
export function parseScan(text: string): { code: string; secret: string | null } {
  const value = text.trim();
  const match = /\/tra-cuu\/([^/?#\s]+)(?:\?(?:.*&)?k=([^&#\s]+))?/.exec(value);
  if (match) return { code: decodeURIComponent(match[1]!), secret: match[2] ? decodeURIComponent(match[2]) : null };
  return { code: value, secret: null };
}

/** Looks a dossier up by its receipt: status, appointment date and the officer handling it. */
export function LookupDossier({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [scan, setScan] = useState('');
  const [secret, setSecret] = useState('');
  const [needSecret, setNeedSecret] = useState(false);
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    setError(null);
    const parsed = parseScan(scan);
    const key = parsed.secret ?? secret.trim();
    if (!key) {
      setNeedSecret(true);
      return;
    }
    try {
      setResult(await api.get<PublicStatus>(`/api/public/dossiers/${encodeURIComponent(parsed.code)}?secret=${encodeURIComponent(key)}`));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack gap="lg" w="100%" maw={900}>
      <Paper p="xl" radius="lg" c="dark">
        {result ? (
          <Table fz={22} verticalSpacing="sm" aria-label={result.code}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('queue.kiosk.dossierStatus')}</Table.Th>
                <Table.Td data-testid="dossier-status">{result.statusName[lang]}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('queue.kiosk.appointment')}</Table.Th>
                <Table.Td>{result.dueAt ? formatDateTime(result.dueAt) : t('queue.kiosk.none')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('queue.kiosk.holdingUnit')}</Table.Th>
                <Table.Td>{result.holdingUnitName ?? t('queue.kiosk.none')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('queue.kiosk.handlingOfficer')}</Table.Th>
                <Table.Td>{result.handlingOfficer ?? t('queue.kiosk.none')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : (
          <form onSubmit={(e) => (e.preventDefault(), void submit())}>
            <Stack>
              <Text fz={20}>{t('queue.kiosk.lookupHelp')}</Text>
              <TextInput size="xl" label={t('queue.kiosk.scanField')} value={scan} onChange={(e) => setScan(e.currentTarget.value)} autoFocus />
              {needSecret && <TextInput size="xl" label={t('queue.kiosk.secretField')} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} autoFocus />}
              <ProblemAlert error={error} />
              <Button type="submit" size="xl" color="red">
                {t('queue.kiosk.lookupSubmit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
      <Button size="xl" variant="outline" color="white" onClick={onDone}>
        {t('queue.kiosk.back')}
      </Button>
    </Stack>
  );
}
