import { useEffect, useRef, useState } from 'react';
import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { procedurePaths, type ProcedureSearchResult, type ProcedureSummary } from '../../../api/procedures.ts';
import { useLang } from '../../../shared/useLang.ts';
import { problemOf } from '../../../shared/problems.ts';
import { ProcessingTimeText } from './ProcessingTimeText.tsx';

export interface PickedProcedure {
  code: string;
  name: string;
}

interface ProcedurePickerProps {
  value: PickedProcedure | null;
  onChange: (procedure: PickedProcedure | null) => void;
  error?: string | undefined;
}

const labelOf = (p: PickedProcedure) => `${p.code} — ${p.name}`;

/**
 * The catalog search as a combobox: type words with or without diacritics or a code, the first
 * result is highlighted, Enter takes it. The search itself is the server's (synonyms, typos, codes).
 */
export function ProcedurePicker({ value, onChange, error }: ProcedurePickerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  const [results, setResults] = useState<ProcedureSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  // The last procedure taken: its label in the box is not a new search. (A new form remounts the picker.)
  const picked = useRef(value);
  const store = useRef(combobox);
  store.current = combobox;

  useEffect(() => {
    const query = search.trim();
    if (query.length < 2 || (picked.current && search === labelOf(picked.current))) {
      setResults([]);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      const path = procedurePaths.search({ q: query, field: null, level: null, agency: null, online: null, page: 1 });
      api.get<ProcedureSearchResult>(path, controller.signal).then(
        (result) => {
          setResults(result.items);
          setSearchError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setSearchError(problemOf(failure)?.message[lang] ?? t('errors.client'));
          setLoading(false);
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, lang, t]);

  // New results: the best one is highlighted, so Enter takes it.
  useEffect(() => {
    if (results.length > 0) store.current.selectFirstOption();
  }, [results]);

  function choose(code: string) {
    const found = results.find((r) => r.code === code);
    if (!found) return;
    const next = { code: found.code, name: found.name };
    picked.current = next;
    setSearch(labelOf(next));
    combobox.closeDropdown();
    onChange(next);
  }

  const searching = search.trim().length >= 2 && !(picked.current && search === labelOf(picked.current));
  return (
    <Combobox store={combobox} onOptionSubmit={choose}>
      <Combobox.Target>
        <TextInput
          label={t('office.reception.procedure')}
          placeholder={t('office.reception.procedurePlaceholder')}
          required
          autoFocus
          autoComplete="off"
          size="md"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            if (value) onChange(null);
            picked.current = null;
            combobox.openDropdown();
          }}
          onFocus={() => searching && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={loading ? <Loader size="xs" /> : null}
          error={error ?? searchError}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
          {results.map((item) => (
            <Combobox.Option value={item.code} key={item.code} aria-label={`${item.code} — ${item.name}`}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" ff="monospace" fw={700} miw={80}>
                  {item.code}
                </Text>
                <div>
                  <Text size="sm" fw={500}>
                    {item.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <ProcessingTimeText time={item.processingTime} />
                  </Text>
                </div>
              </Group>
            </Combobox.Option>
          ))}
          {!loading && results.length === 0 && <Combobox.Empty>{t('office.reception.procedureNothing')}</Combobox.Empty>}
          {loading && results.length === 0 && <Combobox.Empty>{t('office.reception.procedureSearching')}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
