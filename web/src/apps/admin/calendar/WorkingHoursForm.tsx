import { useState, type FormEvent } from 'react';
import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEEKDAY_NAMES, type WeekdayName } from '@motcua/core/calendar/index.ts';
import { setWorkingHours, type UnitWorkingHours, type WorkingHoursSpec } from '../../../api/calendar.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { useLang } from '../../../shared/useLang.ts';
import { FormActions } from '../../../shared/FormActions.tsx';

interface WorkingHoursFormProps {
  unitId: string;
  spec: WorkingHoursSpec;
  onSaved: (hours: UnitWorkingHours) => void;
  onCancel: () => void;
}

const joinPeriods = (periods: string[] | undefined) => (periods ?? []).join(', ');

/** "07:00 - 11:30, 13:30–17:00" → ['07:00-11:30', '13:30-17:00']; the server says what is still wrong. */
function splitPeriods(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((p) => p.replace(/\s+/g, '').replace(/[–—]/g, '-'))
    .filter(Boolean);
}

/** Errors at `weekly.saturday[0]`, `makeUpDay[1]` … joined per input. */
function errorsFor(errors: Record<string, string>, prefix: string): string | undefined {
  const texts = Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}[`))
    .map(([, text]) => text);
  return texts.length > 0 ? texts.join('; ') : undefined;
}

/** Own opening hours for a unit: the periods of each weekday and of make-up working days. */
export function WorkingHoursForm({ unitId, spec, onSaved, onCancel }: WorkingHoursFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [days, setDays] = useState<Record<WeekdayName, string>>(
    () => Object.fromEntries(WEEKDAY_NAMES.map((name) => [name, joinPeriods(spec.weekly[name])])) as Record<WeekdayName, string>,
  );
  const [makeUp, setMakeUp] = useState(spec.makeUpDay ? joinPeriods(spec.makeUpDay) : '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weekly: WorkingHoursSpec['weekly'] = {};
    for (const name of WEEKDAY_NAMES) {
      const periods = splitPeriods(days[name]);
      if (periods.length > 0) weekly[name] = periods;
    }
    const makeUpPeriods = splitPeriods(makeUp);
    const next: WorkingHoursSpec = {
      weekly,
      ...(makeUpPeriods.length > 0 ? { makeUpDay: makeUpPeriods } : {}),
      ...(spec.minutesPerWorkingDay ? { minutesPerWorkingDay: spec.minutesPerWorkingDay } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(await setWorkingHours(unitId, next));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('admin.calendar.hours.periodsHint')}
        </Text>
        <ProblemAlert error={error} placed={(path) => path.startsWith('weekly.') || path.startsWith('makeUpDay')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {WEEKDAY_NAMES.map((name) => (
            <TextInput
              key={name}
              label={t(`calendar.weekdayTitles.${name}`)}
              value={days[name]}
              placeholder={t('admin.calendar.hours.closed')}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDays((current) => ({ ...current, [name]: value }));
              }}
              error={errorsFor(fieldErrors, `weekly.${name}`)}
              spellCheck={false}
            />
          ))}
          <TextInput
            label={t('admin.calendar.hours.makeUpDay')}
            description={t('admin.calendar.hours.makeUpHint')}
            value={makeUp}
            placeholder={t('admin.calendar.hours.makeUpDefault')}
            onChange={(e) => setMakeUp(e.currentTarget.value)}
            error={errorsFor(fieldErrors, 'makeUpDay')}
            spellCheck={false}
          />
        </SimpleGrid>
        <FormActions onCancel={onCancel} busy={busy} submitLabel={t('admin.calendar.hours.save')} />
      </Stack>
    </form>
  );
}
