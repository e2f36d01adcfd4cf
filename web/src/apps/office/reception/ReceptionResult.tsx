import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';

interface ReceptionResultProps {
  dossier: DossierDetail;
  onNext: () => void;
}

/** What the counter tells the applicant: the code, the appointment and the lookup secret — or the guidance or refusal. */
export function ReceptionResult({ dossier, onNext }: ReceptionResultProps) {
  const { t } = useTranslation();
  const received = dossier.code !== null;
  const intake = dossier.events.at(-1);
  const missing = Array.isArray(intake?.data['missing']) ? (intake.data['missing'] as string[]) : [];
  const title = received
    ? t('office.reception.result.receivedTitle')
    : dossier.status === 3
      ? t('office.reception.result.refusedTitle')
      : t('office.reception.result.supplementTitle');
  return (
    <Paper withBorder p="xl" component="section" aria-labelledby="reception-result-title" role="status">
      <Stack gap="md">
        <Title order={2} id="reception-result-title" c={received ? 'green.8' : 'orange.8'}>
          {title}
        </Title>
        {received ? (
          <Stack gap="sm">
            <div>
              <Text size="sm" c="dimmed">
                {t('office.reception.result.code')}
              </Text>
              <Text fz={{ base: 26, sm: 40 }} fw={800} ff="monospace" lh={1.2} data-testid="dossier-code" style={{ wordBreak: 'break-all' }}>
                {dossier.code}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('office.reception.result.appointment')}
              </Text>
              <Text fz={{ base: 20, sm: 26 }} fw={700} data-testid="appointment">
                {dossier.effectiveDueAt ? formatAppointment(dossier.effectiveDueAt, t) : t('office.reception.result.noAppointment')}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('office.reception.result.lookupSecret')}
              </Text>
              <Text fz={22} fw={700} ff="monospace" data-testid="lookup-secret">
                {dossier.lookupSecret}
              </Text>
            </div>
            {dossier.step && (
              <Text>{t('office.reception.result.forwardedTo', { step: dossier.step.name, unit: dossier.step.unit.name })}</Text>
            )}
          </Stack>
        ) : (
          <Alert color={dossier.status === 3 ? 'red' : 'orange'} variant="light">
            {intake?.reason && <Text>{intake.reason}</Text>}
            {missing.length > 0 && (
              <List size="sm" mt="xs">
                {missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group gap="sm">
          <Button component={Link} to={`/office/dossiers/${dossier.id}`} variant="light">
            {t('office.reception.result.openDetail')}
          </Button>
          <Button onClick={onNext} autoFocus>
            {t('office.reception.result.next')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
