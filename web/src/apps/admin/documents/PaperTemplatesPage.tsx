import { useEffect, useState } from 'react';
import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { documentPaths, saveTemplate, type PaperTemplate, type PaperTemplateView } from '../../../api/documents.ts';
import { unitPaths } from '../../../api/units.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { SignerKeysPanel } from './SignerKeysPanel.tsx';

const FIELDS = ['superiorName', 'unitDisplayName', 'placeName', 'officerTitle', 'headTitle', 'returnPlace', 'footer'] as const;
const EMPTY: PaperTemplate = { superiorName: '', unitDisplayName: '', placeName: '', officerTitle: '', headTitle: '', returnPlace: '', footer: '' };

/** /admin/papers: the wording the slips print, for every unit or one unit; below, the signers' certificates. */
export function PaperTemplatesPage() {
  const { t } = useTranslation();
  const templates = useApiData<PaperTemplateView[]>(documentPaths.templates);
  const units = useApiData<Unit[]>(unitPaths.jurisdiction);
  const [scope, setScope] = useState('default');
  const [draft, setDraft] = useState<PaperTemplate>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setDraft({ ...EMPTY, ...(templates.data?.find((x) => x.scope === scope)?.template ?? {}) });
  }, [scope, templates.data]);
  useEffect(() => setSaved(false), [scope]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await saveTemplate(scope, draft);
      setSaved(true);
      templates.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const options = [{ value: 'default', label: t('documents.templates.default') }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))];
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="form" onSubmit={save} aria-labelledby="papers-title">
        <Stack gap="sm" maw={720}>
          <Title order={2} id="papers-title">
            {t('documents.templates.title')}
          </Title>
          <Text size="sm">{t('documents.templates.intro')}</Text>
          <ProblemAlert error={templates.error ?? error} />
          {saved && (
            <Alert color="green" role="status">
              {t('documents.templates.saved')}
            </Alert>
          )}
          <Select label={t('documents.templates.scope')} data={options} value={scope} onChange={(v) => v && setScope(v)} searchable allowDeselect={false} />
          {FIELDS.map((field) => (
            <TextInput key={field} label={t(`documents.templates.${field}`)} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })} />
          ))}
          <Button type="submit" w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </Paper>
      <SignerKeysPanel />
    </Stack>
  );
}
