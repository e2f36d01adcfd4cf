import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { onlineQueueApi, type OnlineQueue } from '../../portal/citizen/citizenApi.ts';

type Item = OnlineQueue['items'][number];

/** The counter's list of online submissions, with the 8-working-hour review clock; receive or send back here. */
export function OnlineSubmissionsPanel({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const queue = useApiData<OnlineQueue>('/api/online-submissions');
  const [notice, setNotice] = useState<string | null>(null);
  if (!queue.data) return <ProblemAlert error={queue.error} onRetry={queue.reload} />;
  const q = queue.data;
  return (
    <Card withBorder padding="md" data-testid="online-submissions">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('citizen.office.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('citizen.office.intro')} {t('citizen.office.counts', { pending: q.pending, warning: q.warning, breached: q.breached })}
          </Text>
        </div>
        {notice && (
          <Text c="green.8" size="sm" role="status">
            {notice}
          </Text>
        )}
        {q.items.length === 0 ? (
          <Text size="sm">{t('citizen.office.none')}</Text>
        ) : (
          q.items.map((item) => (
            <OnlineItem
              key={item.id}
              item={item}
              readOnly={readOnly}
              onDone={(message) => {
                setNotice(message);
                queue.reload();
              }}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}

function OnlineItem({ item, onDone, readOnly }: { item: Item; onDone: (message: string) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | string>('');
  const [sendingBack, setSendingBack] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const left = Math.max(0, item.workingMinutesLeft);
  const act = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await onlineQueueApi.review(item.id, { expectedVersion: item.version, ...body });
      onDone(body.outcome === 'receive' ? t('citizen.office.received', { code: result.code ?? '' }) : t('citizen.office.sentBack'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="online-submission" bg={item.breachedAt ? 'red.0' : item.warning ? 'orange.0' : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {item.applicantName} — {item.procedureName}
          </Text>
          <Group gap={4}>
            {item.sentBack && <Badge color="gray">{t('citizen.office.sentBack')}</Badge>}
            {item.breachedAt ? <Badge color="red">{t('citizen.office.breached')}</Badge> : item.warning ? <Badge color="orange">{t('citizen.office.warning')}</Badge> : null}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('citizen.office.submitted', { time: formatDateTime(item.submittedAt) })} · {t('citizen.office.dueBy', { time: formatDateTime(item.reviewDueAt) })} ·{' '}
          {t('citizen.office.minutesLeft', { hours: Math.floor(left / 60), minutes: left % 60 })}
        </Text>
        <Group gap="xs">
          {item.documents.map((d, i) =>
            d.fileSha256 ? (
              <Anchor key={i} href={`/api/dossiers/${item.id}/files/${d.fileSha256}`} target="_blank" size="xs">
                {d.name}
              </Anchor>
            ) : null,
          )}
          <Anchor component={Link} to={`/office/dossiers/${item.id}`} size="xs">
            {t('citizen.office.open')}
          </Anchor>
        </Group>
        {!item.sentBack && !readOnly && (
          <>
            <NumberInput label={t('citizen.office.days')} value={days} onChange={setDays} min={0.5} step={0.5} max={3650} size="xs" maw={360} />
            <Group gap="xs">
              <Button size="xs" loading={busy} onClick={() => void act({ outcome: 'receive', ...(typeof days === 'number' && days > 0 ? { duration: { unit: 'workingDays', value: days } } : {}) })}>
                {t('citizen.office.receive')}
              </Button>
              <Button size="xs" variant="light" color="orange" onClick={() => setSendingBack((v) => !v)}>
                {t('citizen.office.sendBack')}
              </Button>
            </Group>
            {sendingBack && (
              <Stack gap={6}>
                <Textarea label={t('citizen.office.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
                <Textarea label={t('citizen.office.missing')} value={missing} onChange={(e) => setMissing(e.currentTarget.value)} autosize minRows={2} />
                <Button size="xs" color="orange" loading={busy} onClick={() => void act({ outcome: 'supplement', reason, missing: missing.split('\n').map((m) => m.trim()).filter(Boolean) })}>
                  {t('citizen.office.confirmSendBack')}
                </Button>
              </Stack>
            )}
          </>
        )}
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}
