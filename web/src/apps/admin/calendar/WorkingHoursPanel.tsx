import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { calendarPaths, setWorkingHours, type UnitWorkingHours } from '../../../api/calendar.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { formatHours } from './calendarText.ts';
import { WorkingHoursForm } from './WorkingHoursForm.tsx';
import { WorkingHoursTable } from './WorkingHoursTable.tsx';

interface WorkingHoursPanelProps {
  unit: Unit;
  units: Unit[];
  canEdit: boolean;
  /** After a save or a reset to inherited hours: the year view's working days change with them. */
  onChanged: (message: string) => void;
}

/** The unit's opening hours, where they come from (its own, an ancestor's, the default), and editing them. */
export function WorkingHoursPanel({ unit, units, canEdit, onChanged }: WorkingHoursPanelProps) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApiData<UnitWorkingHours>(calendarPaths.workingHours(unit.id));
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = data?.unitId === unit.id ? data : undefined;
  const own = current?.inheritedFrom === unit.id;
  const source = !current
    ? null
    : own
      ? t('admin.calendar.hours.own')
      : current.inheritedFrom
        ? t('admin.calendar.hours.inherited', { unit: units.find((u) => u.id === current.inheritedFrom)?.name ?? current.inheritedFrom })
        : t('admin.calendar.hours.default');

  function saved(message: string) {
    setEditing(false);
    reload();
    onChanged(message);
  }

  async function inherit() {
    setBusy(true);
    setActionError(null);
    try {
      await setWorkingHours(unit.id, null);
      saved(t('admin.calendar.notice.hoursInherited', { unit: unit.name }));
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-hours-title">
      <Stack gap="sm">
        <div>
          <Title order={3} id="calendar-hours-title">
            {t('admin.calendar.hours.title')}
          </Title>
          <Text size="sm">{t('admin.calendar.hours.of', { unit: unit.name })}</Text>
          {source && (
            <Text size="sm" c="dimmed" data-testid="hours-source">
              {source}
            </Text>
          )}
        </div>
        <ProblemAlert error={error} onRetry={reload} />
        <ProblemAlert error={actionError} />
        {!current ? (
          loading && <PageLoader />
        ) : editing ? (
          <WorkingHoursForm
            key={unit.id}
            unitId={unit.id}
            spec={current.spec}
            onCancel={() => setEditing(false)}
            onSaved={() => saved(t('admin.calendar.notice.hoursSaved', { unit: unit.name }))}
          />
        ) : (
          <>
            <WorkingHoursTable spec={current.spec} />
            {current.spec.minutesPerWorkingDay !== undefined && (
              <Text size="sm">{t('admin.calendar.hours.minutesPerDay', { hours: formatHours(current.spec.minutesPerWorkingDay, t, currentLocale()) })}</Text>
            )}
            {canEdit ? (
              <Group gap="sm">
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('admin.calendar.hours.edit')}
                </Button>
                {own && (
                  <Button variant="default" onClick={inherit} loading={busy}>
                    {t(unit.parentId ? 'admin.calendar.hours.inherit' : 'admin.calendar.hours.inheritDefault')}
                  </Button>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.calendar.hours.readOnly')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
