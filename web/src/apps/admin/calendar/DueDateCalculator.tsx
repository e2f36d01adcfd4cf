import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { computeDueDate, type DueDateResult } from '../../../api/calendar.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { useLang } from '../../../shared/useLang.ts';
import { formatLocalDateTime, toVietnamLocal } from './calendarText.ts';
import { UnitSelect } from './UnitSelect.tsx';

const DURATION_UNITS = ['wd', 'wh', 'cd', 'mo'] as const;
type DurationUnit = (typeof DURATION_UNITS)[number];

interface DueDateCalculatorProps {
  units: Unit[];
  /** The unit the page shows; the calculator follows it until another is picked here. */
  unitId: string | null;
}

/** Tries a deadline: reception time + time limit through the unit's calendar and hours (GET /api/calendar/due-date). */
export function DueDateCalculator({ units, unitId }: DueDateCalculatorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [from, setFrom] = useState(() => toVietnamLocal(new Date().toISOString()));
  const [amount, setAmount] = useState<string | number>(3);
  const [durationUnit, setDurationUnit] = useState<DurationUnit>('wd');
  const [cutoff, setCutoff] = useState(false);
  const [unit, setUnit] = useState(unitId);
  const [result, setResult] = useState<DueDateResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);

  useEffect(() => setUnit(unitId), [unitId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await computeDueDate({ from, duration: `${amount}${durationUnit}`, unit, cutoff15h: cutoff }));
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-due-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} id="calendar-due-title">
              {t('admin.calendar.due.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.calendar.due.intro')}
            </Text>
          </div>
          <ProblemAlert error={error} formFields={['from', 'duration', 'unit']} />
          <TextInput
            type="datetime-local"
            label={t('admin.calendar.due.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={fieldErrors['from']}
          />
          <Group grow align="flex-start" gap="sm">
            <NumberInput
              label={t('admin.calendar.due.amount')}
              value={amount}
              onChange={setAmount}
              min={0}
              decimalScale={2}
              error={fieldErrors['duration']}
            />
            <Select
              label={t('admin.calendar.due.durationUnit')}
              data={DURATION_UNITS.map((u) => ({ value: u, label: t(`admin.calendar.due.units.${u}`) }))}
              value={durationUnit}
              onChange={(v) => v && setDurationUnit(v as DurationUnit)}
              allowDeselect={false}
            />
          </Group>
          <UnitSelect label={t('admin.calendar.due.unit')} units={units} value={unit} onChange={setUnit} error={fieldErrors['unit']} />
          <Checkbox label={t('admin.calendar.due.cutoff')} checked={cutoff} onChange={(e) => setCutoff(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('admin.calendar.due.submit')}
            </Button>
          </Group>
          <div aria-live="polite">
            {result && (
              <Stack gap={2} data-testid="due-result">
                <Text size="lg">
                  {t('admin.calendar.due.result')}: <b>{formatLocalDateTime(result.dueLocal, t)}</b>
                </Text>
                <Text size="sm" c="dimmed">
                  {t('admin.calendar.due.countingStart')}: {formatLocalDateTime(toVietnamLocal(result.countingStart), t)}
                </Text>
              </Stack>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
