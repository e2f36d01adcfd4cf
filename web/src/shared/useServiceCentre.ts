import type { Unit } from '@motcua/core/units/schemas.ts';
import { unitPaths } from '../api/units.ts';
import { useApiData } from './useApiData.ts';

/** The province's public administrative service centre (the kiosk's and the display board's host). */
export function useServiceCentre() {
  const { data, error, loading, reload } = useApiData<Unit[]>(unitPaths.publicUnits);
  const centre = data?.find((u) => u.kind === 'service_centre' && u.active) ?? null;
  return { centre, error, loading, reload };
}
