import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedureSummary } from '../../api/procedures.ts';
import { useLang } from '../useLang.ts';
import { missingComponentsText, processingTimeText } from './catalogText.ts';
import { OnlineLevelBadge } from './OnlineLevelBadge.tsx';

interface ProcedureCardProps {
  procedure: ProcedureSummary;
  href: string;
  /** The search the card was found by (`?q=…`), so that the procedure page can lead back to it. */
  fromSearch?: string;
}

/** One result: name (the link), code, online level, fields, levels, agencies and the processing time in short. */
export function ProcedureCard({ procedure, href, fromSearch = '' }: ProcedureCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = `procedure-${procedure.code}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-procedure-code={procedure.code}>
      <Stack gap={6}>
        <Anchor component={Link} to={href} state={{ fromSearch }} id={titleId} fw={600} size="lg" lh={1.35}>
          {procedure.name}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" ff="monospace">
            {procedure.code}
          </Text>
          <OnlineLevelBadge level={procedure.onlineLevel} size="sm" />
          {procedure.levels.map((level) => (
            <Badge key={level} variant="default" size="sm">
              {t(`catalog.levels.${level}`)}
            </Badge>
          ))}
          {procedure.state === 'abolished' && (
            <Badge color="red" variant="light" size="sm">
              {t('catalog.states.abolished')}
            </Badge>
          )}
        </Group>
        {procedure.fields.length > 0 && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('catalog.card.fields')}{' '}
            </Text>
            {procedure.fields.join('; ')}
          </Text>
        )}
        {procedure.agencies.length > 0 && (
          <Text size="sm" lineClamp={2}>
            <Text span c="dimmed" size="sm">
              {t('catalog.card.agencies')}{' '}
            </Text>
            {procedure.agencies.join('; ')}
          </Text>
        )}
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('catalog.card.time')}{' '}
          </Text>
          {procedure.hasDetail ? processingTimeText(procedure.processingTime, t, lang) : t('catalog.card.listOnly')}
        </Text>
        {procedure.hasDetail && procedure.missingComponents.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('catalog.procedure.missing', { list: missingComponentsText(procedure.missingComponents, t) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
