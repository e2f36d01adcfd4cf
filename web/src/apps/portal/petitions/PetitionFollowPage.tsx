import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { publicPetitionPath, sendPetitionFeedback, type PublicPetitionView } from '../../../api/petitions.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useApiData } from '../../../shared/useApiData.ts';

/** /phan-anh/:code?k=<secret>: the petitioner follows the petition and says whether the answer satisfied them. */
export function PetitionFollowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const secret = params.get('k') ?? '';
  const { data, error, reload } = useApiData<PublicPetitionView>(publicPetitionPath(code, secret));
  const [sendError, setSendError] = useState<unknown>(null);

  async function judge(satisfied: boolean) {
    setSendError(null);
    try {
      await sendPetitionFeedback(code, secret, satisfied);
      reload();
    } catch (failure) {
      setSendError(failure);
    }
  }

  if (error) return <ProblemAlert error={error} />;
  if (!data) return <PageLoader />;
  return (
    <Paper withBorder p="lg" maw={720}>
      <Stack gap="sm">
        <Title order={2}>{t('notify.petitions.followTitle', { code: data.code })}</Title>
        <Text fw={600}>{data.title}</Text>
        <Text>
          {t('notify.petitions.status')}: <strong data-testid="petition-status">{t(`notify.petitions.statuses.${data.status}`)}</strong>
        </Text>
        <Text>
          {t('notify.petitions.answerDue')}: {formatDateTime(data.answerDueAt)}
        </Text>
        {data.unitName && (
          <Text>
            {t('notify.petitions.unit')}: {data.unitName}
          </Text>
        )}
        {data.forwardedTo && (
          <Text>
            {t('notify.petitions.forwardedTo')}: {data.forwardedTo}
          </Text>
        )}
        {data.answer && (
          <Alert color="blue" title={t('notify.petitions.answer')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{data.answer}</Text>
          </Alert>
        )}
        {data.published && <Text size="sm">{t('notify.petitions.published')}</Text>}
        {data.status === 'answered' && !data.feedback && (
          <Stack gap="xs">
            <Text>{t('notify.petitions.satisfiedQuestion')}</Text>
            <Group>
              <Button onClick={() => judge(true)}>{t('notify.petitions.satisfied')}</Button>
              <Button variant="default" onClick={() => judge(false)}>
                {t('notify.petitions.unsatisfied')}
              </Button>
            </Group>
          </Stack>
        )}
        {data.feedback && <Text>{t('notify.petitions.feedbackGiven', { value: t(`notify.petitions.${data.feedback}`) })}</Text>}
        <ProblemAlert error={sendError} />
      </Stack>
    </Paper>
  );
}
