import { useEffect, useState } from 'react';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fetchVersion, type VersionSnapshot, type VersionSummary } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useLang } from '../../../shared/useLang.ts';
import { formatIsoDay } from '../../../shared/vietnamDate.ts';
import { VersionChanges } from './VersionChanges.tsx';
import { versionChanges } from './versionDiff.ts';

interface VersionHistoryProps {
  code: string;
  versions: VersionSummary[];
}

/** Every version, newest first, with what it changed; one opened shows the changed lines against the one before. */
export function VersionHistory({ code, versions }: VersionHistoryProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const newest = sorted[0]?.number ?? null;
  const [open, setOpen] = useState<number | null>(newest !== null && newest > 1 ? newest : null);
  const [pair, setPair] = useState<{ number: number; before: VersionSnapshot; after: VersionSnapshot } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setPair(null);
    setError(null);
    if (open === null || open < 2) return;
    const controller = new AbortController();
    Promise.all([fetchVersion(code, open - 1, controller.signal), fetchVersion(code, open, controller.signal)]).then(
      ([before, after]) => setPair({ number: open, before, after }),
      (failure: unknown) => controller.signal.aborted || setError(failure),
    );
    return () => controller.abort();
  }, [code, open]);

  const nameOf = (field: string) => t(`catalog.admin.fieldNames.${field}` as 'catalog.admin.fieldNames.name', { defaultValue: field });
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder fz="sm" aria-label={t('catalog.admin.history.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalog.admin.history.number')}</Table.Th>
              <Table.Th>{t('catalog.admin.history.effectiveFrom')}</Table.Th>
              <Table.Th>{t('catalog.admin.history.decision')}</Table.Th>
              <Table.Th>{t('catalog.admin.history.source')}</Table.Th>
              <Table.Th>{t('catalog.admin.history.createdAt')}</Table.Th>
              <Table.Th>{t('catalog.admin.history.changed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((v) => (
              <Table.Tr key={v.id} data-version={v.number} aria-selected={open === v.number}>
                <Table.Td>
                  {v.number}{' '}
                  {v.number === newest && (
                    <Badge size="xs" variant="light" color="green">
                      {t('catalog.admin.history.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{v.effectiveFrom ? formatIsoDay(v.effectiveFrom) : t('common.none')}</Table.Td>
                <Table.Td>{v.decisionNumber ?? t('common.none')}</Table.Td>
                <Table.Td>{t(`catalog.versionSources.${v.source}`)}</Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{v.number === 1 ? t('catalog.admin.history.first') : v.changedFields.map(nameOf).join(', ')}</Table.Td>
                <Table.Td>
                  {v.number > 1 && (
                    <Button
                      size="compact-sm"
                      variant={open === v.number ? 'light' : 'subtle'}
                      onClick={() => setOpen(open === v.number ? null : v.number)}
                      aria-label={t('catalog.admin.history.viewNumbered', { number: v.number })}
                      aria-expanded={open === v.number}
                    >
                      {t('catalog.admin.history.view')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={error} />
      {open !== null && open > 1 && !pair && !error && <PageLoader />}
      {pair && (
        <VersionChanges
          title={t('catalog.admin.history.diffTitle', { number: pair.number, previous: pair.number - 1 })}
          changes={versionChanges(pair.before.content, pair.after.content, pair.after.changedFields, t, lang)}
        />
      )}
      {sorted.length === 1 && (
        <Text size="sm" c="dimmed">
          {t('catalog.admin.history.onlyOne')}
        </Text>
      )}
    </Stack>
  );
}
