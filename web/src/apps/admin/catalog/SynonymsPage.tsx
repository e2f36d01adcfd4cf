import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { procedurePaths, replaceSynonyms, type Synonym } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { foldForSearch } from '../../../shared/searchText.ts';
import { searchOf } from '../../../shared/catalog/useSearchFilters.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';

interface SynonymRow extends Synonym {
  /** Stable across edits and filtering (React key). */
  id: number;
}

let nextRowId = 1;
const rowsOf = (synonyms: Synonym[]): SynonymRow[] => synonyms.map((s) => ({ ...s, id: nextRowId++ }));
const sameList = (a: Synonym[], b: Synonym[]) => JSON.stringify(a.map((s) => [s.phrase, s.expansion])) === JSON.stringify(b.map((s) => [s.phrase, s.expansion]));

/**
 * /admin/catalog/synonyms — the everyday phrases the search understands ("nhập hộ khẩu" → "đăng ký
 * thường trú"); an empty expansion marks filler words. The whole list is saved at once (PUT).
 */
export function SynonymsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useApiData<Synonym[]>(procedurePaths.synonyms);
  const [rows, setRows] = useState<SynonymRow[] | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data) setRows(rowsOf(loaded.data));
  }, [loaded.data]);

  const shown = useMemo(() => {
    const folded = foldForSearch(filter);
    return (rows ?? [])
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => !folded || row.phrase === '' || foldForSearch(`${row.phrase} ${row.expansion}`).includes(folded));
  }, [rows, filter]);

  const errors = fieldErrorsOf(error, lang);
  const dirty = rows !== null && loaded.data !== undefined && !sameList(rows, loaded.data);
  const setRow = (id: number, patch: Partial<Synonym>) => setRows((all) => all?.map((row) => (row.id === id ? { ...row, ...patch } : row)) ?? all);

  async function save() {
    if (!rows) return;
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await replaceSynonyms(rows.map(({ phrase, expansion }) => ({ phrase, expansion })));
      setNotice(t('catalog.admin.synonyms.saved', { count: saved.length }));
      loaded.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('catalog.admin.synonyms.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalog.admin.synonyms.intro')}
        </Text>
      </div>
      {notice && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      <ProblemAlert error={error} placed={(path) => /^synonyms\[\d+\]\.(phrase|expansion)$/.test(path)} />
      {!rows ? (
        loaded.loading && <PageLoader />
      ) : (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end">
              <TextInput label={t('catalog.admin.synonyms.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} />
              <Group gap="sm">
                <Button variant="light" onClick={() => setRows([{ phrase: '', expansion: '', id: nextRowId++ }, ...rows])}>
                  {t('catalog.admin.synonyms.add')}
                </Button>
                <Button onClick={save} loading={saving} disabled={!dirty}>
                  {t('catalog.admin.synonyms.save')}
                </Button>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t('catalog.admin.synonyms.count', { count: rows.length })}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped fz="sm" aria-label={t('catalog.admin.synonyms.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalog.admin.synonyms.phrase')}</Table.Th>
                    <Table.Th>{t('catalog.admin.synonyms.expansion')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map(({ row, index }) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        <TextInput
                          aria-label={t('catalog.admin.synonyms.phraseNumbered', { n: index + 1 })}
                          value={row.phrase}
                          onChange={(e) => setRow(row.id, { phrase: e.currentTarget.value })}
                          error={errors[`synonyms[${index}].phrase`]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('catalog.admin.synonyms.expansionNumbered', { n: index + 1 })}
                          placeholder={t('catalog.admin.synonyms.fillerPlaceholder')}
                          value={row.expansion}
                          onChange={(e) => setRow(row.id, { expansion: e.currentTarget.value })}
                          error={errors[`synonyms[${index}].expansion`]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {row.phrase.trim() && (
                            <Anchor
                              component={Link}
                              to={`/thu-tuc${searchOf({ q: row.phrase.trim() })}`}
                              size="sm"
                              target="_blank"
                              aria-label={t('catalog.admin.synonyms.tryNamed', { phrase: row.phrase.trim() })}
                            >
                              {t('catalog.admin.synonyms.try')}
                            </Anchor>
                          )}
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setRows(rows.filter((r) => r.id !== row.id))}
                            aria-label={t('catalog.admin.synonyms.removeNamed', { phrase: row.phrase || index + 1 })}
                          >
                            {t('catalog.admin.synonyms.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('catalog.admin.synonyms.fillerHint')}
            </Text>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
