import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { documentPaths, type PublicStatus } from '../../../api/documents.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';

/**
 * /tra-cuu/:code?k=SECRET — what the receipt's QR code opens (and the kiosk reads): the dossier's
 * status, appointment and milestones in plain words, nothing personal.
 */
export function StatusPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const secret = params.get('k') ?? '';
  const [typed, setTyped] = useState('');
  const status = useApiData<PublicStatus>(secret ? documentPaths.publicStatus(code, secret) : null);
  const s = status.data;
  return (
    <Stack gap="md" maw={760} mx="auto" w="100%">
      <Title order={2}>{t('documents.status.title')}</Title>
      <Text>
        {t('documents.status.code')}: <Text span ff="monospace" fw={700}>{code}</Text>
      </Text>
      {!secret && (
        <form onSubmit={(e) => (e.preventDefault(), typed.trim() && navigate(`/tra-cuu/${encodeURIComponent(code)}?k=${encodeURIComponent(typed.trim().toUpperCase())}`))}>
          <Stack gap="xs">
            <Alert color="yellow">{t('documents.status.missingSecret')}</Alert>
            <Group align="flex-end">
              <TextInput label={t('documents.status.secret')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
              <Button type="submit">{t('documents.status.lookUp')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      <ProblemAlert error={status.error} onRetry={status.reload} />
      {status.loading && <PageLoader />}
      {s && (
        <Paper withBorder p="lg" component="section" aria-label={t('documents.status.title')}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <div>
                <Text size="sm" c="dimmed">
                  {t('documents.status.procedure')}
                </Text>
                <Text fw={600}>{s.procedureName}</Text>
              </div>
              <Badge size="lg" color={s.resultReady ? 'green' : s.status === 10 ? 'gray' : 'blue'} data-testid="public-status">
                {s.statusName[lang]}
              </Badge>
            </Group>
            {s.receivedAt && (
              <Text>
                {t('documents.status.receivedAt')}: <strong>{formatAppointment(s.receivedAt, t)}</strong>
              </Text>
            )}
            {s.dueAt && (
              <Text data-testid="public-due">
                {t('documents.status.dueAt')}: <strong>{formatAppointment(s.dueAt, t)}</strong>
              </Text>
            )}
            {s.holdingUnitName && (
              <Text>
                {t('documents.status.holdingUnit')}: {s.holdingUnitName}
              </Text>
            )}
            {s.handlingOfficer && (
              <Text>
                {t('documents.status.officer')}: {s.handlingOfficer}
              </Text>
            )}
            <Title order={3} size="h4" mt="sm">
              {t('documents.status.timeline')}
            </Title>
            <Timeline active={s.returnedAt ? 3 : s.resultReady ? 2 : 1} bulletSize={18} lineWidth={2} aria-label={t('documents.status.timeline')}>
              <Timeline.Item title={t('documents.status.stepReceived')}>{s.receivedAt && <Text size="sm">{formatAppointment(s.receivedAt, t)}</Text>}</Timeline.Item>
              <Timeline.Item title={s.holdingUnitName && !s.resultReady && !s.returnedAt ? t('documents.status.stepProcessing', { unit: s.holdingUnitName }) : t('documents.status.stepProcessingNoUnit')}>
                {s.dueAt && <Text size="sm">{t('documents.status.stepDue')}: {formatAppointment(s.dueAt, t)}</Text>}
              </Timeline.Item>
              <Timeline.Item title={t('documents.status.stepResultReady')} />
              <Timeline.Item title={t('documents.status.stepReturned')}>{s.returnedAt && <Text size="sm">{formatAppointment(s.returnedAt, t)}</Text>}</Timeline.Item>
            </Timeline>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
