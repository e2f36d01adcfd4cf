import { useMemo, useState } from 'react';
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { updateProcedure, type ProcedureDetail } from '../../../api/procedures.ts';
import { CHANNELS, LEVELS, ONLINE_LEVELS, PROCEDURE_STATES, isOneOf } from '../../../shared/catalog/catalogValues.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { useLang } from '../../../shared/useLang.ts';
import { CasesEditor } from './CasesEditor.tsx';
import { ChannelEditor } from './ChannelEditor.tsx';
import { DocumentsEditor } from './DocumentsEditor.tsx';
import { EditSection } from './EditSection.tsx';
import { blankChannel, changedFields, draftOf, shownBesideInput, updateOf, type ProcedureDraft, type VersionDraft } from './procedureDraft.ts';

const NO_ONLINE_LEVEL = 'none';

interface ProcedureEditFormProps {
  procedure: ProcedureDetail;
  onSaved: (saved: ProcedureDetail, previousVersion: number) => void;
}

/**
 * Edits the current version into a new one (PATCH /api/procedures/:code): only the changed fields are
 * sent, with the decision they are made under. Errors come back per field and sit beside their inputs.
 */
export function ProcedureEditForm({ procedure, onSaved }: ProcedureEditFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const original = useMemo(() => draftOf(procedure), [procedure]);
  const [draft, setDraft] = useState<ProcedureDraft>(original);
  const [version, setVersion] = useState<VersionDraft>({ decisionNumber: '', effectiveFrom: '' });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const changed = changedFields(original, draft);
  const errors = fieldErrorsOf(error, lang);
  const set = <K extends keyof ProcedureDraft>(key: K, value: ProcedureDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const saved = await updateProcedure(procedure.code, updateOf(original, draft, version));
      onSaved(saved, procedure.version.number);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  function reset() {
    setDraft(original);
    setVersion({ decisionNumber: '', effectiveFrom: '' });
    setError(null);
  }

  const unusedChannel = CHANNELS.find((channel) => !draft.channels.some((c) => c.channel === channel));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-label={t('catalog.admin.edit.formLabel', { name: procedure.name })}
    >
      <Stack gap="md">
        <EditSection id="general" title={t('catalog.admin.edit.general')}>
          <Textarea label={t('catalog.admin.edit.name')} value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} autosize minRows={1} maxRows={4} error={errors.name} required />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('catalog.admin.edit.onlineLevel')}
              data={[
                { value: NO_ONLINE_LEVEL, label: t('catalog.admin.edit.onlineLevelUnknown') },
                ...ONLINE_LEVELS.map((level) => ({ value: level, label: t(`catalog.onlineLevelsLong.${level}`) })),
              ]}
              value={draft.onlineLevel ?? NO_ONLINE_LEVEL}
              onChange={(value) => set('onlineLevel', isOneOf(ONLINE_LEVELS, value) ? value : null)}
              allowDeselect={false}
              error={errors.onlineLevel}
            />
            <Select
              label={t('catalog.admin.edit.state')}
              data={PROCEDURE_STATES.map((state) => ({ value: state, label: t(`catalog.states.${state}`) }))}
              value={draft.state}
              onChange={(value) => isOneOf(PROCEDURE_STATES, value) && set('state', value)}
              allowDeselect={false}
              error={errors.state}
            />
            <TagsInput
              label={t('catalog.admin.edit.fields')}
              description={t('catalog.admin.edit.tagsHint')}
              value={draft.fields}
              onChange={(value) => set('fields', value)}
              error={errors.fields}
              clearable={false}
            />
            <MultiSelect
              label={t('catalog.admin.edit.levels')}
              data={LEVELS.map((level) => ({ value: level, label: t(`catalog.levels.${level}`) }))}
              value={draft.levels}
              onChange={(value) => set('levels', value.filter((v) => isOneOf(LEVELS, v)))}
              error={errors.levels}
            />
          </SimpleGrid>
          <TagsInput
            label={t('catalog.admin.edit.applicants')}
            description={t('catalog.admin.edit.tagsHint')}
            value={draft.applicantTypes}
            onChange={(value) => set('applicantTypes', value)}
            error={errors.applicantTypes}
          />
          <Textarea
            label={t('catalog.admin.edit.requirements')}
            value={draft.requirements}
            onChange={(e) => set('requirements', e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={10}
            error={errors.requirements}
          />
        </EditSection>

        <EditSection id="channels" title={t('catalog.admin.edit.channels')}>
          {draft.channels.map((option, index) => (
            <ChannelEditor
              key={index}
              option={option}
              index={index}
              onChange={(next) => set('channels', draft.channels.map((old, i) => (i === index ? next : old)))}
              onRemove={() => set('channels', draft.channels.filter((_, i) => i !== index))}
              errors={errors}
            />
          ))}
          {unusedChannel && (
            <Button variant="light" size="compact-sm" w="fit-content" onClick={() => set('channels', [...draft.channels, blankChannel(unusedChannel)])}>
              {t('catalog.admin.edit.addChannel')}
            </Button>
          )}
        </EditSection>

        <EditSection id="cases" title={t('catalog.admin.edit.cases')}>
          <CasesEditor cases={draft.cases} onChange={(cases) => set('cases', cases)} errors={errors} />
        </EditSection>

        <EditSection id="documents" title={t('catalog.admin.edit.documents')}>
          <DocumentsEditor documents={draft.documents} onChange={(documents) => set('documents', documents)} errors={errors} />
        </EditSection>

        <EditSection id="version" title={t('catalog.admin.edit.newVersion')}>
          <Text size="sm" c="dimmed">
            {t('catalog.admin.edit.newVersionIntro', { number: procedure.version.number + 1 })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('catalog.admin.edit.decisionNumber')}
              placeholder={t('catalog.admin.edit.decisionPlaceholder')}
              value={version.decisionNumber}
              onChange={(e) => setVersion({ ...version, decisionNumber: e.currentTarget.value })}
              error={errors.decisionNumber}
            />
            <TextInput
              type="date"
              label={t('catalog.admin.edit.effectiveFrom')}
              description={t('catalog.admin.edit.effectiveHint')}
              value={version.effectiveFrom}
              onChange={(e) => setVersion({ ...version, effectiveFrom: e.currentTarget.value })}
              error={errors.effectiveFrom}
            />
          </SimpleGrid>
          <ProblemAlert error={error} placed={shownBesideInput} />
          {changed.length > 0 ? (
            <Alert variant="light" color="blue" role="status">
              {t('catalog.admin.edit.changes', { fields: changed.map((field) => t(`catalog.admin.fieldNames.${field}`)).join(', ') })}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed" role="status">
              {t('catalog.admin.edit.noChanges')}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving} disabled={changed.length === 0}>
              {t('catalog.admin.edit.save')}
            </Button>
            <Button variant="default" onClick={reset} disabled={saving || (changed.length === 0 && !version.decisionNumber && !version.effectiveFrom)}>
              {t('catalog.admin.edit.reset')}
            </Button>
          </Group>
        </EditSection>
      </Stack>
    </form>
  );
}
