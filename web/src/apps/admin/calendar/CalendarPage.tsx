import { useState } from 'react';
import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR } from '@motcua/core/calendar/index.ts';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { calendarPaths, type EntryScope, type YearChange, type YearView } from '../../../api/calendar.ts';
import { unitPaths } from '../../../api/units.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useSignedInUser } from '../../../shared/session/useSession.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { CalendarToolbar } from './CalendarToolbar.tsx';
import { DueDateCalculator } from './DueDateCalculator.tsx';
import { EntriesEditor } from './EntriesEditor.tsx';
import { WorkingHoursPanel } from './WorkingHoursPanel.tsx';
import { YearCalendar } from './YearCalendar.tsx';
import { vietnamToday } from './calendarText.ts';
import { isAdminOver, isProvinceAdmin, rootUnitOf } from './permissions.ts';

function yearFrom(param: string | null): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= DEFAULT_FROM_YEAR && year <= DEFAULT_TO_YEAR ? year : Number(vietnamToday().slice(0, 4));
}

/**
 * /admin/calendar?year=2026&unit=000.00.01.H29 — the working-day calendar of a year for a unit (the
 * province by default), the year's days off and make-up days (province administrators edit them), the
 * unit's opening hours, and a due-date calculator. Other staff see the same page without the editing.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('year'));
  const units = useApiData<Unit[]>(unitPaths.publicUnits);
  const allUnits = units.data ?? [];
  const unit = allUnits.find((u) => u.code === params.get('unit')) ?? rootUnitOf(allUnits);
  const view = useApiData<YearView>(units.data ? calendarPaths.year(year, unit?.id ?? null) : null);
  const [notice, setNotice] = useState<string | null>(null);
  const canEditSchedule = isProvinceAdmin(user, allUnits);
  const shown = view.data && view.data.year === year ? view.data : undefined;

  function navigate(next: { year?: number; unit?: string }) {
    const search = new URLSearchParams(params);
    if (next.year !== undefined) search.set('year', String(next.year));
    if (next.unit !== undefined) search.set('unit', next.unit);
    setNotice(null);
    setParams(search, { replace: true });
  }

  function applied(scope: EntryScope, change: YearChange) {
    const list = t(scope === 'official' ? 'admin.calendar.entries.official' : 'admin.calendar.entries.local');
    setNotice(t('admin.calendar.notice.applied', { list, count: change.changedDays.length }));
    view.reload();
  }

  function hoursChanged(message: string) {
    setNotice(message);
    view.reload();
  }

  return (
    <Stack gap="md">
      <div data-print-hide>
        <Title order={2}>{t('admin.calendar.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('admin.calendar.intro')}
        </Text>
      </div>
      <CalendarToolbar
        year={year}
        onYear={(y) => navigate({ year: y })}
        units={allUnits}
        unitId={unit?.id ?? null}
        onUnit={(id) => navigate({ unit: allUnits.find((u) => u.id === id)?.code ?? '' })}
      />
      {notice && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status" data-print-hide>
          {notice}
        </Alert>
      )}
      <ProblemAlert error={units.error ?? view.error} onRetry={() => (units.error ? units.reload() : view.reload())} />
      {shown ? <YearCalendar view={shown} unitName={unit?.name ?? t('admin.calendar.provinceDefault')} /> : (units.loading || view.loading) && <PageLoader />}
      <Stack gap="md" data-print-hide>
        <Alert color="yellow" variant="light" role="note">
          {t('admin.calendar.entries.promisedDeadlines')}
        </Alert>
        {shown &&
          (canEditSchedule ? (
            <EntriesEditor year={year} entries={shown.entries} onApplied={applied} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('admin.calendar.readOnly')}
            </Text>
          ))}
        {unit && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <WorkingHoursPanel key={unit.id} unit={unit} units={allUnits} canEdit={isAdminOver(user, unit.id, allUnits)} onChanged={hoursChanged} />
            <DueDateCalculator units={allUnits} unitId={unit.id} />
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
