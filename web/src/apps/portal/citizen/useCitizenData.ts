import { useCallback, useEffect, useState } from 'react';

/** Loads citizen data (with the citizen client) whenever `key` changes; null key: nothing yet. */
export function useCitizenData<T>(key: string | null, load: () => Promise<T>) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    setError(null);
    load().then(
      (d) => !cancelled && setData(d),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [key, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}
