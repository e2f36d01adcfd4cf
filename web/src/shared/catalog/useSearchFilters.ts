import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchFilters } from '../../api/procedures.ts';
import { LEVELS, ONLINE_LEVELS, isOneOf } from './catalogValues.ts';

export const NO_FILTERS = { field: null, level: null, agency: null, online: null } as const;

function pageOf(param: string | null): number {
  const page = Number(param);
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
}

/** Reads the search from the URL (?q=&field=&level=&agency=&online=&page=), so that a search can be shared and reloaded. */
export function filtersFrom(params: URLSearchParams): SearchFilters {
  const level = params.get('level');
  const online = params.get('online');
  return {
    q: params.get('q') ?? '',
    field: params.get('field') || null,
    level: isOneOf(LEVELS, level) ? level : null,
    agency: params.get('agency') || null,
    online: isOneOf(ONLINE_LEVELS, online) ? online : null,
    page: pageOf(params.get('page')),
  };
}

/** The opposite of filtersFrom: only what is set, in a stable order. */
export function searchOf(filters: Partial<SearchFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.field) params.set('field', filters.field);
  if (filters.level) params.set('level', filters.level);
  if (filters.agency) params.set('agency', filters.agency);
  if (filters.online) params.set('online', filters.online);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const activeFilterCount = (filters: SearchFilters) =>
  [filters.field, filters.level, filters.agency, filters.online].filter((value) => value !== null).length;

/**
 * The search in the URL and a way to change it. Any change but the page's goes back to page 1.
 * Typing replaces the history entry; choosing a filter or a page adds one (Back undoes it).
 */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const update = useCallback(
    (patch: Partial<SearchFilters>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = { ...filtersFrom(current), page: 1, ...patch };
          return new URLSearchParams(searchOf(next));
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return [filters, update] as const;
}
