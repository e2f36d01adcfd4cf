import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRunSummary } from '../../../api/procedures.ts';
import { formatNumber } from '../../../shared/catalog/catalogText.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useLang } from '../../../shared/useLang.ts';
import { catalogAdminPaths } from './catalogAdminPaths.ts';

const anomalyTotal = (run: ImportRunSummary) => Object.values(run.anomalyCounts).reduce((sum, n) => sum + n, 0);

/** Recent imports: when, which file, how it went, what it changed, how many anomalies; each opens its report. */
export function ImportRunsTable({ runs }: { runs: ImportRunSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (value: number) => formatNumber(value, lang);
  if (runs.length === 0) return <Text size="sm">{t('catalog.admin.imports.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder fz="sm" aria-label={t('catalog.admin.imports.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalog.admin.imports.startedAt')}</Table.Th>
            <Table.Th>{t('catalog.admin.imports.source')}</Table.Th>
            <Table.Th>{t('catalog.admin.imports.format')}</Table.Th>
            <Table.Th>{t('catalog.admin.imports.status')}</Table.Th>
            <Table.Th ta="right">{t('catalog.admin.report.counts.records')}</Table.Th>
            <Table.Th ta="right">{t('catalog.admin.report.counts.created')}</Table.Th>
            <Table.Th ta="right">{t('catalog.admin.report.counts.updated')}</Table.Th>
            <Table.Th ta="right">{t('catalog.admin.report.counts.unchanged')}</Table.Th>
            <Table.Th ta="right">{t('catalog.admin.imports.anomalies')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id} data-import-id={run.id}>
              <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
              <Table.Td>{run.source}</Table.Td>
              <Table.Td>{run.format ? t(`catalog.importFormats.${run.format}`) : t('common.none')}</Table.Td>
              <Table.Td>
                <Badge color={run.status === 'succeeded' ? 'green' : 'red'} variant="light">
                  {t(`catalog.admin.imports.statuses.${run.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{n(run.counts.records)}</Table.Td>
              <Table.Td ta="right">{n(run.counts.created)}</Table.Td>
              <Table.Td ta="right">{n(run.counts.updated)}</Table.Td>
              <Table.Td ta="right">{n(run.counts.unchanged)}</Table.Td>
              <Table.Td ta="right">{n(anomalyTotal(run))}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={catalogAdminPaths.importReport(run.id)} aria-label={t('catalog.admin.imports.openNamed', { source: run.source })}>
                  {t('catalog.admin.imports.open')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
