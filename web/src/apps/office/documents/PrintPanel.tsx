import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { documentPaths, type SlipKind } from '../../../api/documents.ts';

const KEYS = { receipt: 'receipt', supplement: 'supplement', refusal: 'refusal', apology: 'apology', stop: 'stop', 'control-sheet': 'controlSheet' } as const;

/** Which papers the dossier has: each follows an event of its history and the circular it was received under. */
function slipsOf(dossier: DossierDetail): SlipKind[] {
  const has = (...types: string[]) => dossier.events.some((e) => types.includes(e.type));
  const kinds: SlipKind[] = [];
  if (has('received')) kinds.push('receipt');
  if (has('supplement_requested', 'intake_supplement_requested')) kinds.push('supplement');
  if (has('refused')) kinds.push('refusal');
  if (has('apology_issued')) kinds.push('apology');
  if (dossier.ruleVersion === 'nd118_2025' && has('stopped', 'withdrawal_requested')) kinds.push('stop');
  if (has('received')) kinds.push('control-sheet');
  return kinds;
}

/** Print buttons of the office dossier page: each opens the slip's PDF in a new tab. */
export function PrintPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const kinds = slipsOf(dossier);
  if (kinds.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="print-title" data-print-hide>
      <Stack gap="xs">
        <Title order={3} size="h4" id="print-title">
          {t('documents.print.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('documents.print.hint', { circular: dossier.ruleVersion === 'nd118_2025' ? '03/2025/TT-VPCP' : '01/2018/TT-VPCP' })}
        </Text>
        <Group gap="xs">
          {kinds.map((kind) => (
            <Button key={kind} component="a" href={documentPaths.slip(dossier.id, kind)} target="_blank" rel="noopener" variant="light" size="xs" data-slip={kind}>
              {t(`documents.print.${KEYS[kind]}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
