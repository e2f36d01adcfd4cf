import { useState, type FormEvent } from 'react';
import { Alert, Button, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ratingFormPath, sendRating, type RatingForm } from '../../../api/notify.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { useApiData } from '../../../shared/useApiData.ts';

const LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
const COUNTS = ['0', '1', '2'] as const;

/** /danh-gia/:code?k=<secret>: rate a returned dossier without login (also the link in the SMS; `src=sms|kiosk`). */
export function RatingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const secret = params.get('k') ?? '';
  const source = params.get('src') === 'sms' ? 'sms' : params.get('src') === 'kiosk' ? 'kiosk' : 'portal';
  const { data, error, reload } = useApiData<RatingForm>(ratingFormPath(code, secret));
  const [overall, setOverall] = useState('');
  const [contacts, setContacts] = useState('0');
  const [agencies, setAgencies] = useState('0');
  const [comment, setComment] = useState('');
  const [sendError, setSendError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSendError(null);
    try {
      await sendRating(code, { secret, overall, extraContacts: Number(contacts), otherAgencies: Number(agencies), comment: comment.trim() || null, source });
      setDone(true);
      reload();
    } catch (failure) {
      setSendError(failure);
    }
  }

  if (error) return <ProblemAlert error={error} />;
  if (!data) return <PageLoader />;
  const scoreText = (score: number | null) => (score === null ? t('notify.rating.noScore') : t('notify.rating.score', { score }));
  return (
    <Paper withBorder p="lg" maw={720}>
      <Stack gap="md">
        <Title order={2}>{t('notify.rating.title')}</Title>
        <Text>{t('notify.rating.dossier', { code: data.code, procedure: data.procedureName })}</Text>
        {done && <Alert color="green">{t('notify.rating.thanks')}</Alert>}
        {!done && data.rating && <Alert color="blue">{t('notify.rating.alreadyRated')}</Alert>}
        {!data.rating && data.status !== 10 && <Alert color="yellow">{t('notify.rating.notReturned')}</Alert>}
        <div>
          <Text fw={600}>{t('notify.rating.computedTitle')}</Text>
          <List size="sm">
            <List.Item>
              {t('notify.rating.totalTime')}: {data.computed.totalTime.timeliness ? t(`notify.rating.timeliness.${data.computed.totalTime.timeliness}`) : ''} ({scoreText(data.computed.totalTime.score)})
            </List.Item>
            <List.Item>
              {t('notify.rating.unitTime')}: {scoreText(data.computed.unitTime.score)}
              <List size="sm" withPadding>
                {data.computed.unitTime.units.map((u, i) => (
                  <List.Item key={i}>
                    {u.unitName}: {u.timeliness ? t(`notify.rating.timeliness.${u.timeliness}`) : '—'}
                  </List.Item>
                ))}
              </List>
            </List.Item>
          </List>
        </div>
        {data.canRate && !done && (
          <form onSubmit={submit}>
            <Stack gap="md">
              <Radio.Group label={t('notify.rating.overall')} value={overall} onChange={setOverall} required>
                <Stack gap={6} mt={6}>
                  {LEVELS.map((level) => (
                    <Radio key={level} value={level} label={t(`notify.rating.levels.${level}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group label={t('notify.rating.contacts')} value={contacts} onChange={setContacts}>
                <Stack gap={6} mt={6}>
                  {COUNTS.map((c) => (
                    <Radio key={c} value={c} label={t(`notify.rating.counts.${c}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group label={t('notify.rating.agencies')} value={agencies} onChange={setAgencies}>
                <Stack gap={6} mt={6}>
                  {COUNTS.map((c) => (
                    <Radio key={c} value={c} label={t(`notify.rating.agencyCounts.${c}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea label={t('notify.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
              <ProblemAlert error={sendError} />
              <Button type="submit" disabled={!overall}>
                {t('notify.rating.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
