import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegacyCommuneMapping } from '@motcua/core/units/schemas.ts';
import { convertLegacyAddress, type LegacyAddressInput } from '../../api/units.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../shared/problems.ts';
import { useLang } from '../../shared/useLang.ts';
import { LegacyResults } from './LegacyResults.tsx';

const FIELDS = ['commune', 'district', 'province', 'oldCommuneCode'] as const;

/** "Tra cứu địa chỉ cũ": an address in the old three-level units → the current commune(s). */
export function LegacyAddressTool() {
  const { t } = useTranslation();
  const lang = useLang();
  const [input, setInput] = useState<Required<LegacyAddressInput>>({ commune: '', district: '', province: '', oldCommuneCode: '' });
  const [results, setResults] = useState<LegacyCommuneMapping[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResults(await convertLegacyAddress(input));
    } catch (failure) {
      setError(failure);
      setResults(null);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: (typeof FIELDS)[number]) => ({
    name,
    value: input[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
    },
    error: fieldErrors[name],
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="legacy-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} id="legacy-title">
            {t('portal.legacy.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portal.legacy.intro')}
          </Text>
          <TextInput label={t('portal.legacy.commune')} placeholder={t('portal.legacy.communePlaceholder')} {...field('commune')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('portal.legacy.district')} placeholder={t('portal.legacy.districtPlaceholder')} {...field('district')} />
            <TextInput label={t('portal.legacy.province')} placeholder={t('portal.legacy.provincePlaceholder')} {...field('province')} />
          </SimpleGrid>
          <TextInput
            label={t('portal.legacy.oldCode')}
            placeholder={t('portal.legacy.oldCodePlaceholder')}
            inputMode="numeric"
            maxLength={5}
            {...field('oldCommuneCode')}
          />
          <ProblemAlert error={error} formFields={[...FIELDS]} />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('portal.legacy.submit')}
          </Button>
          {results && <LegacyResults results={results} />}
        </Stack>
      </form>
    </Paper>
  );
}
