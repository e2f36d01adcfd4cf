import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';

type StepState = 'done' | 'current' | 'upcoming';

/** The roles a process step may name (core/dossiers/process.ts), as translation keys. */
const STEP_ROLES = ['counter_officer', 'specialist', 'leader'] as const;
const isStepRole = (role: string): role is (typeof STEP_ROLES)[number] => (STEP_ROLES as readonly string[]).includes(role);

function stateOf(dossier: DossierDetail, index: number): StepState {
  if (dossier.status === 10) return 'done';
  const current = dossier.step?.index;
  if (current === undefined || [3, 8].includes(dossier.status)) return 'upcoming';
  if (index < current) return 'done';
  return index === current ? 'current' : 'upcoming';
}

/** The dossier's process (its own version, kept from reception): each step's role, unit and due time; the current one marked. */
export function StepsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-steps">
      <Stack gap="sm">
        <Title order={3} size="h4" id="dossier-steps">
          {t('dossier.stepsTitle')}
        </Title>
        <List component="ol" listStyleType="none" spacing="xs" aria-labelledby="dossier-steps">
          {dossier.steps.map((step) => {
            const state = stateOf(dossier, step.index);
            return (
              <List.Item key={step.key} aria-current={state === 'current' ? 'step' : undefined} data-step-state={state}>
                <Paper
                  p="xs"
                  radius="sm"
                  bg={state === 'current' ? 'blue.0' : undefined}
                  withBorder={state === 'current'}
                  style={state === 'current' ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined}
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon radius="xl" size="md" color={state === 'done' ? 'green' : state === 'current' ? 'blue' : 'gray'} variant={state === 'upcoming' ? 'light' : 'filled'} aria-hidden>
                      {state === 'done' ? '✓' : step.index + 1}
                    </ThemeIcon>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={700}>
                          {step.index + 1}. {step.name}
                        </Text>
                        {state === 'current' && (
                          <Badge size="xs" color="blue">
                            {t('dossier.stepCurrent')}
                          </Badge>
                        )}
                        {state === 'done' && (
                          <Badge size="xs" color="green" variant="light">
                            {t('dossier.stepDone')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('dossier.stepRoleAt', { role: isStepRole(step.role) ? t(`roles.${step.role}`) : step.role, unit: step.unit.name })}
                      </Text>
                      {step.dueAt && <Text size="xs">{t('dossier.stepDue', { time: formatAppointment(step.dueAt, t) })}</Text>}
                    </Stack>
                  </Group>
                </Paper>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
