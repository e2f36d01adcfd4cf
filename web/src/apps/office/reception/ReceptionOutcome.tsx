import { useState } from 'react';
import { Button, Group, Paper, Stack, Textarea, Title, useMatches } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Outcome } from './receptionDraft.ts';

export interface OutcomeChoice {
  outcome: Outcome;
  reason?: string;
  missing?: string[];
}

interface ReceptionOutcomeProps {
  busy: boolean;
  /** Required papers not ticked: where a supplement request starts. */
  suggestedMissing: () => string[];
  onSubmit: (choice: OutcomeChoice) => void;
  errors: Record<string, string>;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * The three outcomes of the check (Circular 01/2018 Art. 6): receive; ask for everything missing at
 * once (Mẫu 02); refuse with a reason (Mẫu 03). The last two open their own small form first.
 */
export function ReceptionOutcome({ busy, suggestedMissing, onSubmit, errors }: ReceptionOutcomeProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'supplement' | 'refuse'>('choose');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  function open(next: 'supplement' | 'refuse') {
    setLocal({});
    if (next === 'supplement') {
      setMissing(suggestedMissing().join('\n'));
      setReason(t('office.reception.supplementReasonDefault'));
    } else setReason('');
    setMode(next);
  }

  function confirm() {
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems['reason'] = t('office.reception.reasonRequired');
    if (mode === 'supplement' && lines(missing).length === 0) problems['missing'] = t('office.reception.missingRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit(mode === 'supplement' ? { outcome: 'supplement', reason: reason.trim(), missing: lines(missing) } : { outcome: 'refuse', reason: reason.trim() });
  }

  const error = (path: string) => local[path] ?? errors[path];
  // On a phone the three buttons share one row; at the counter's screen they are big.
  const phone = useMatches({ base: true, sm: false });
  const size = phone ? 'compact-md' : 'md';
  const grow = phone ? { flex: '1 1 auto' } : undefined;
  return (
    <Paper
      withBorder
      shadow="md"
      p={{ base: 'xs', sm: 'md' }}
      pos="sticky"
      bottom={0}
      style={{ zIndex: 5 }}
      role="region"
      aria-label={t('office.reception.outcomeLabel')}
      data-print-hide
    >
      {mode === 'choose' ? (
        <Group gap="xs" justify="flex-end" wrap="wrap">
          <Button variant="outline" color="red" size={size} onClick={() => open('refuse')} disabled={busy} style={grow}>
            {t('office.reception.refuse')}
          </Button>
          <Button variant="outline" color="orange" size={size} onClick={() => open('supplement')} disabled={busy} style={grow}>
            {t('office.reception.supplement')}
          </Button>
          <Button color="green" size={size} loading={busy} onClick={() => onSubmit({ outcome: 'receive' })} data-enter-stop style={grow}>
            {t('office.reception.receive')}
          </Button>
        </Group>
      ) : (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t(mode === 'supplement' ? 'office.reception.supplementTitle' : 'office.reception.refuseTitle')}
          </Title>
          {mode === 'supplement' && (
            <Textarea
              label={t('office.reception.missing')}
              description={t('office.reception.missingHint')}
              required
              autosize
              minRows={3}
              maxRows={10}
              value={missing}
              onChange={(e) => setMissing(e.currentTarget.value)}
              error={error('missing')}
              autoFocus
            />
          )}
          <Textarea
            label={t(mode === 'supplement' ? 'office.reception.supplementReason' : 'office.reception.refuseReason')}
            required
            autosize
            minRows={2}
            maxRows={6}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error('reason')}
            autoFocus={mode === 'refuse'}
          />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setMode('choose')} disabled={busy}>
              {t('office.reception.back')}
            </Button>
            <Button color={mode === 'supplement' ? 'orange' : 'red'} loading={busy} onClick={confirm}>
              {t(mode === 'supplement' ? 'office.reception.confirmSupplement' : 'office.reception.confirmRefuse')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
