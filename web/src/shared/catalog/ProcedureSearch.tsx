import { useCallback, useEffect, useRef } from 'react';
import { Box, Group, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { procedurePaths, type ProcedureSearchResult } from '../../api/procedures.ts';
import { PageLoader } from '../PageLoader.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { useApiData } from '../useApiData.ts';
import { EmptyResults } from './EmptyResults.tsx';
import { ProcedureCard } from './ProcedureCard.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SearchFiltersPanel } from './SearchFiltersPanel.tsx';
import { NO_FILTERS, activeFilterCount, useSearchFilters } from './useSearchFilters.ts';

interface ProcedureSearchProps {
  /** Where a result leads: the portal's procedure page, or the admin's editor. */
  procedureHref: (code: string) => string;
  browseLinks?: boolean;
}

/**
 * The catalog search (GET /api/public/procedures): one box, four filters, result cards, pages. The
 * query and filters live in the URL; a newer request cancels an older one, and the last results stay
 * on screen while the next arrive.
 */
export function ProcedureSearch({ procedureHref, browseLinks = true }: ProcedureSearchProps) {
  const { t } = useTranslation();
  const [filters, update] = useSearchFilters();
  const location = useLocation();
  const path = procedurePaths.search(filters);
  const { data, error, loading, reload } = useApiData<ProcedureSearchResult>(path);
  const resultsTop = useRef<HTMLDivElement>(null);
  const onSearch = useCallback((q: string) => update({ q: q.trim() }, { replace: true }), [update]);
  const shownPage = data?.page;

  useEffect(() => {
    if (shownPage && shownPage > 1) resultsTop.current?.scrollIntoView({ block: 'start' });
  }, [shownPage]);

  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  const hasFilters = activeFilterCount(filters) > 0;
  return (
    <Stack gap="md">
      <SearchBox value={filters.q} onSearch={onSearch} loading={loading} />
      <SearchFiltersPanel filters={filters} onChange={(patch) => update(patch)} />
      <ProblemAlert error={error} onRetry={reload} />
      <Box ref={resultsTop} style={{ scrollMarginTop: 120 }}>
        {data ? (
          <Stack gap="sm" aria-busy={loading}>
            {data.total > 0 && (
              <Group gap="xs" justify="space-between" aria-live="polite">
                <Text size="sm" fw={600}>
                  {filters.q || hasFilters ? t('catalog.search.resultCount', { count: data.total }) : t('catalog.search.allCount', { count: data.total })}
                </Text>
                {data.interpretedAs && (
                  <Text size="sm" c="dimmed">
                    {t('catalog.search.interpretedAs', { text: data.interpretedAs })}
                  </Text>
                )}
              </Group>
            )}
            {data.total === 0 ? (
              <EmptyResults hasFilters={hasFilters} onClearFilters={() => update({ ...NO_FILTERS })} browseLinks={browseLinks} />
            ) : (
              <Stack component="ul" gap="sm" aria-label={t('catalog.search.resultsLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((procedure) => (
                  <li key={`${procedure.code}/${procedure.provinceCode ?? ''}`}>
                    <ProcedureCard procedure={procedure} href={procedureHref(procedure.code)} fromSearch={location.search} />
                  </li>
                ))}
              </Stack>
            )}
            {pages > 1 && (
              <Box component="nav" aria-label={t('catalog.search.pagination')} data-print-hide>
                <Pagination
                  total={Math.min(pages, 1000)}
                  value={data.page}
                  onChange={(page) => update({ page })}
                  siblings={1}
                  boundaries={1}
                  getItemProps={(page) => ({ 'aria-label': t('catalog.search.pageNumber', { page }) })}
                  getControlProps={(control) =>
                    control === 'previous'
                      ? { 'aria-label': t('catalog.search.previousPage') }
                      : control === 'next'
                        ? { 'aria-label': t('catalog.search.nextPage') }
                        : {}
                  }
                />
              </Box>
            )}
          </Stack>
        ) : (
          loading && <PageLoader label={t('catalog.search.searching')} />
        )}
      </Box>
    </Stack>
  );
}
