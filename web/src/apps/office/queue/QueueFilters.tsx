import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOSSIER_STATUSES } from '@motcua/core/dossiers/statuses.ts';
import type { QueueFilter } from '../../../api/dossiers.ts';
import { useLang } from '../../../shared/useLang.ts';
import { statusName } from '../dossierText.ts';

interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (patch: Partial<QueueFilter>) => void;
}

/** Status, overdue only, and a search by dossier code or applicant name (sent with Enter or the button). */
export function QueueFilters({ filter, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState(filter.q);

  function search(event: FormEvent) {
    event.preventDefault();
    onChange({ q });
  }

  return (
    <form onSubmit={search} role="search" aria-label={t('office.queue.search')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('office.queue.status')}
          w={{ base: '100%', sm: 280 }}
          data={[
            { value: '', label: t('office.queue.allOpen') },
            ...DOSSIER_STATUSES.map((s) => ({ value: String(s), label: `${s}. ${statusName(s, lang)}` })),
          ]}
          value={filter.status ? String(filter.status) : ''}
          onChange={(value) => onChange({ status: value ? Number(value) : null })}
          allowDeselect={false}
        />
        <TextInput
          label={t('office.queue.search')}
          w={{ base: '100%', sm: 300 }}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Button type="submit" variant="light">
          {t('office.queue.searchButton')}
        </Button>
        <Checkbox
          mb={8}
          label={t('office.queue.overdueOnly')}
          checked={filter.overdue}
          onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
        />
      </Group>
    </form>
  );
}
