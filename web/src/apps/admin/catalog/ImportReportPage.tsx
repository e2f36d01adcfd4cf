import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Chip, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { procedurePaths, type ImportReport } from '../../../api/procedures.ts';
import { formatNumber } from '../../../shared/catalog/catalogText.ts';
import { ANOMALY_KINDS, isOneOf } from '../../../shared/catalog/catalogValues.ts';
import { FactList } from '../../../shared/catalog/FactList.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';
import { catalogAdminPaths } from './catalogAdminPaths.ts';

const PAGE_SIZE = 100;
const ALL = 'all';
const COUNTS = ['records', 'distinctProcedures', 'created', 'updated', 'unchanged', 'skipped', 'versionsCreated'] as const;

/** /admin/catalog/imports/:id — one import's counts and every anomaly it met, filterable by kind. */
export function ImportReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useParams().id ?? '';
  const { data: report, error, loading, reload } = useApiData<ImportReport>(procedurePaths.importReport(id));
  const [kind, setKind] = useState<string>(ALL);
  const [page, setPage] = useState(1);
  const anomalies = useMemo(() => (report?.anomalies ?? []).filter((a) => kind === ALL || a.kind === kind), [report, kind]);
  const kindName = (k: string) => (isOneOf(ANOMALY_KINDS, k) ? t(`catalog.anomalyKinds.${k}`) : k);
  const n = (value: number) => formatNumber(value, lang);
  const pages = Math.ceil(anomalies.length / PAGE_SIZE);
  const shown = anomalies.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={catalogAdminPaths.imports} size="sm">
        ← {t('catalog.admin.report.back')}
      </Anchor>
      <ProblemAlert error={error} onRetry={reload} />
      {!report ? (
        loading && <PageLoader />
      ) : (
        <>
          <div>
            <Title order={2}>{t('catalog.admin.report.title', { source: report.source })}</Title>
            <Group gap="xs" mt={4}>
              <Badge color={report.status === 'succeeded' ? 'green' : 'red'} variant="light">
                {t(`catalog.admin.imports.statuses.${report.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('catalog.admin.report.when', {
                  at: formatDateTime(report.startedAt),
                  seconds: formatNumber(report.durationMs / 1000, lang),
                })}
              </Text>
            </Group>
          </div>
          {report.error && (
            <Alert color="red" variant="light" role="alert" title={t('catalog.admin.report.failed')}>
              {report.error.line !== null && t('catalog.admin.report.atLine', { line: report.error.line })}
              {report.error.message[lang]}
            </Alert>
          )}
          <Paper withBorder p="md">
            <FactList
              facts={[
                { label: t('catalog.admin.imports.format'), value: report.format ? t(`catalog.importFormats.${report.format}`) : t('common.none') },
                ...COUNTS.map((key) => ({ label: t(`catalog.admin.report.counts.${key}`), value: n(report.counts[key]) })),
              ]}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="anomalies-title">
            <Stack gap="sm">
              <Title order={3} size="h5" id="anomalies-title">
                {t('catalog.admin.report.anomalies', { count: report.anomalies.length })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('catalog.admin.report.anomaliesIntro')}
              </Text>
              {report.anomalies.length > 0 && (
                <Chip.Group
                  value={kind}
                  onChange={(value) => {
                    setKind(typeof value === 'string' ? value : ALL);
                    setPage(1);
                  }}
                >
                  <Group gap="xs" role="group" aria-label={t('catalog.admin.report.kindFilter')}>
                    <Chip value={ALL} size="sm">
                      {t('catalog.admin.report.allKinds', { count: report.anomalies.length })}
                    </Chip>
                    {Object.entries(report.anomalyCounts).map(([k, count]) => (
                      <Chip key={k} value={k} size="sm">
                        {kindName(k)} ({n(count)})
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              )}
              {shown.length > 0 && (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped withTableBorder fz="sm" aria-label={t('catalog.admin.report.tableLabel')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('catalog.admin.report.line')}</Table.Th>
                        <Table.Th>{t('catalog.admin.report.kind')}</Table.Th>
                        <Table.Th>{t('catalog.admin.report.code')}</Table.Th>
                        <Table.Th>{t('catalog.admin.report.detail')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((a, i) => (
                        <Table.Tr key={`${page}-${i}`}>
                          <Table.Td>{a.line ?? t('common.none')}</Table.Td>
                          <Table.Td>{kindName(a.kind)}</Table.Td>
                          <Table.Td ff="monospace">
                            {a.code ? (
                              <Anchor component={Link} to={catalogAdminPaths.procedure(a.code.trim())} size="sm">
                                {a.code}
                              </Anchor>
                            ) : (
                              t('common.none')
                            )}
                          </Table.Td>
                          <Table.Td style={{ wordBreak: 'break-word' }}>{a.detail}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  getItemProps={(p) => ({ 'aria-label': t('catalog.search.pageNumber', { page: p }) })}
                  getControlProps={(control) =>
                    control === 'previous'
                      ? { 'aria-label': t('catalog.search.previousPage') }
                      : control === 'next'
                        ? { 'aria-label': t('catalog.search.nextPage') }
                        : {}
                  }
                />
              )}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
