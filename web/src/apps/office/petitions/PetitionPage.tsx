import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { actOnPetition, type PetitionDetailView } from '../../../api/petitions.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useApiData } from '../../../shared/useApiData.ts';

const SUBJECTS = ['procedure', 'regulation', 'conduct', 'other'] as const;
type Action = PetitionDetailView['allowedActions'][number];

/** /office/petitions/:id: the petition, its history, and what the officer may do now. */
export function PetitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, reload } = useApiData<PetitionDetailView>(`/api/petitions/${id}`);
  const units = useApiData<{ id: string; name: string }[]>('/api/public/units');
  const [action, setAction] = useState<Action | null>(null);
  const [category, setCategory] = useState<string>('procedure');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [textValue, setTextValue] = useState('');
  const [actError, setActError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  if (error) return <ProblemAlert error={error} />;
  if (!data) return <PageLoader />;

  async function submit() {
    if (!action || !data) return;
    setActError(null);
    const body: Record<string, unknown> = { type: action, expectedVersion: data.version };
    if (action === 'classify') Object.assign(body, { category, unitId });
    if (action === 'forward') body.forwardedTo = textValue;
    if (action === 'answer') body.answer = textValue;
    if (action === 'refuse' || action === 'note') body.note = textValue;
    try {
      await actOnPetition(data.id, body);
      setAction(null);
      setTextValue('');
      setDone(true);
      reload();
    } catch (failure) {
      setActError(failure);
    }
  }

  return (
    <Stack gap="md">
      <Title order={2}>
        {data.code}: {data.title}
      </Title>
      <Text>
        {t('notify.petitions.status')}: <strong data-testid="petition-status">{t(`notify.petitions.statuses.${data.status}`)}</strong>
        {data.published && ` · ${t('notify.petitions.published')}`}
      </Text>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t('notify.petitions.subjectKind')}: {t(`notify.petitions.subjects.${data.subjectKind}`)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{data.content}</Text>
          <Text size="sm">
            {t('notify.petitions.petitioner')}: {data.petitioner.fullName} {data.petitioner.phone ?? ''} {data.petitioner.email ?? ''}
          </Text>
          <Text size="sm">
            {t('notify.petitions.received')}: {formatDateTime(data.receivedAt)} · {t('notify.petitions.forwardDue')}: {formatDateTime(data.forwardDueAt)} · {t('notify.petitions.answerDue')}: {formatDateTime(data.answerDueAt)}
          </Text>
          {data.unit && (
            <Text size="sm">
              {t('notify.petitions.unit')}: {data.unit.name}
            </Text>
          )}
          {data.forwardedTo && (
            <Text size="sm">
              {t('notify.petitions.forwardedTo')}: {data.forwardedTo}
            </Text>
          )}
          {data.answer && (
            <Alert color="blue" title={t('notify.petitions.answer')}>
              {data.answer}
            </Alert>
          )}
        </Stack>
      </Paper>
      {done && <Alert color="green">{t('notify.petitions.done')}</Alert>}
      <Group>
        {data.allowedActions.map((a) => (
          <Button key={a} variant={action === a ? 'filled' : 'default'} onClick={() => setAction(a)}>
            {t(`notify.petitions.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {action && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            {action === 'classify' && (
              <>
                <Select label={t('notify.petitions.category')} data={SUBJECTS.map((s) => ({ value: s, label: t(`notify.petitions.subjects.${s}`) }))} value={category} onChange={(v) => v && setCategory(v)} allowDeselect={false} />
                <Select label={t('notify.petitions.routeTo')} searchable data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={unitId} onChange={setUnitId} />
              </>
            )}
            {action === 'forward' && <TextInput label={t('notify.petitions.forwardedTo')} value={textValue} onChange={(e) => setTextValue(e.currentTarget.value)} />}
            {(action === 'answer' || action === 'refuse' || action === 'note') && (
              <Textarea label={action === 'answer' ? t('notify.petitions.answer') : t('notify.petitions.noteField')} autosize minRows={3} value={textValue} onChange={(e) => setTextValue(e.currentTarget.value)} />
            )}
            <ProblemAlert error={actError} />
            <Button onClick={submit}>{t(`notify.petitions.actions.${action}`)}</Button>
          </Stack>
        </Paper>
      )}
      <Title order={4}>{t('notify.petitions.history')}</Title>
      <Timeline bulletSize={14}>
        {data.events.map((e, i) => (
          <Timeline.Item key={i} title={`${formatDateTime(e.at)} · ${e.type}`}>
            <Text size="sm">{[e.actor, e.unitName, e.note].filter(Boolean).join(' · ')}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
