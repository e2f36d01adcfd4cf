import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { useLang } from '../../../shared/useLang.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';
import { DueText } from '../DueText.tsx';
import { FactItem } from '../FactItem.tsx';
import { WRAPPING_BADGE, channelText, statusColor, statusName } from '../dossierText.ts';

const TIMELINESS_COLORS = { early: 'green', on_time: 'teal', late: 'red' } as const;

/** Code, status, procedure, due date and its flags, and where the dossier is. */
export function DossierHeader({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const changedDue = dossier.apologyIssued && dossier.dueAt !== dossier.effectiveDueAt && dossier.dueAt;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="dossier-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={2} id="dossier-title" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {dossier.code ?? t('dossier.noCode')}
            </Title>
            <Text fw={600}>{dossier.procedureName}</Text>
            <Text size="sm" c="dimmed" ff="monospace">
              {dossier.procedureCode}
              {dossier.caseCode ? ` · ${dossier.caseCode}` : ''}
            </Text>
          </div>
          <Badge size="lg" color={statusColor(dossier.status)} variant="filled" data-testid="dossier-status" styles={WRAPPING_BADGE}>
            {statusName(dossier.status, lang)}
          </Badge>
        </Group>
        <Group gap="xs" role="list" aria-label={t('dossier.flagsLabel')}>
          {dossier.timeliness && (
            <Badge role="listitem" color={TIMELINESS_COLORS[dossier.timeliness]} variant="light">
              {t(`dossier.timeliness.${dossier.timeliness}`)}
            </Badge>
          )}
          {dossier.overdue && (
            <Badge role="listitem" color="red" variant="filled">
              {t('dossier.overdue')}
            </Badge>
          )}
          {!dossier.timeliness && !dossier.overdue && dossier.effectiveDueAt && (
            <Badge role="listitem" color="blue" variant="light">
              {t('dossier.inTime')}
            </Badge>
          )}
          {dossier.paused && (
            <Badge role="listitem" color="orange" variant="light">
              {t('dossier.paused')}
            </Badge>
          )}
          {dossier.apologyIssued && (
            <Badge role="listitem" color="grape" variant="light">
              {t('dossier.apology')}
            </Badge>
          )}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
          <FactItem label={t('dossier.due')}>
            <DueText dueAt={dossier.effectiveDueAt} overdue={dossier.overdue} paused={dossier.paused} size="md" />
          </FactItem>
          {changedDue && <FactItem label={t('dossier.dueOriginal')}>{formatAppointment(changedDue, t)}</FactItem>}
          <FactItem label={t('dossier.receivedAt')}>{dossier.receivedAt ? formatAppointment(dossier.receivedAt, t) : t('common.none')}</FactItem>
          <FactItem label={t('dossier.lookupSecret')}>
            <Text span ff="monospace" fw={700}>
              {dossier.lookupSecret}
            </Text>
          </FactItem>
          <FactItem label={t('dossier.channel')}>{channelText(dossier.channel, t)}</FactItem>
          <FactItem label={t('dossier.receivingUnit')}>{dossier.receivingUnit.name}</FactItem>
          <FactItem label={t('dossier.competentUnit')}>{dossier.competentUnit.name}</FactItem>
          <FactItem label={t('dossier.holdingUnit')}>{dossier.holdingUnit?.name ?? t('common.none')}</FactItem>
          <FactItem label={t('dossier.assignee')}>{dossier.assignee?.fullName ?? t('dossier.unassigned')}</FactItem>
          <FactItem label={t('dossier.returnMethod')}>{t(`office.reception.returnMethods.${dossier.returnMethod}`)}</FactItem>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
