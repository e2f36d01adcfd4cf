import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useTranslation } from 'react-i18next';
import type { EformView } from '@motcua/core/eforms/schemas.ts';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { problemOf } from '../../shared/problems.ts';
import { useApiData } from '../../shared/useApiData.ts';
import { EFORM_FIELDS } from '../portal/citizen/EformFields.tsx';
import '../portal/citizen/eform.css';

const EMPTY_SCHEMA = { type: 'object', required: ['applicant'], properties: { applicant: { type: 'object', title: 'Người yêu cầu', properties: { fullName: { type: 'string', title: 'Họ, chữ đệm và tên' } } } } };

function parse(text: string): { value: Record<string, unknown> | null; error: string | null } {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? { value: value as Record<string, unknown>, error: null } : { value: null, error: 'object expected' };
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** /admin/eforms: a procedure's e-form as JSON (schema + uiSchema), checked as typed, previewed, published as a new version. */
export function EformsAdminPage() {
  const { t } = useTranslation();
  const forms = useApiData<EformView[]>('/api/eforms');
  const [code, setCode] = useState('');
  const [loadedCode, setLoadedCode] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [schemaText, setSchemaText] = useState('');
  const [uiText, setUiText] = useState('{}');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const schema = useMemo(() => parse(schemaText), [schemaText]);
  const ui = useMemo(() => parse(uiText), [uiText]);

  const open = async (procedureCode: string) => {
    setError(null);
    setNote(null);
    try {
      const form = await api.get<EformView>(`/api/procedures/${encodeURIComponent(procedureCode)}/eform`);
      setTitle(form.title);
      setSchemaText(JSON.stringify(form.schema, null, 2));
      setUiText(JSON.stringify(form.uiSchema, null, 2));
      setNote(t('citizen.admin.version', { version: form.version }));
    } catch (e) {
      if (problemOf(e)?.code !== 'no_eform') setError(e);
      setTitle('');
      setSchemaText(JSON.stringify(EMPTY_SCHEMA, null, 2));
      setUiText('{}');
      setNote(t('citizen.admin.newForm'));
    }
    setCode(procedureCode);
    setLoadedCode(procedureCode);
  };

  const publish = async () => {
    if (!schema.value || !ui.value || !loadedCode) return;
    setError(null);
    try {
      const form = await api.post<EformView>(`/api/eforms/${encodeURIComponent(loadedCode)}`, { title, schema: schema.value, uiSchema: ui.value });
      setNote(t('citizen.admin.published', { version: form.version }));
      forms.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('citizen.admin.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('citizen.admin.intro')}
        </Text>
      </div>
      <Card withBorder padding="sm">
        <Text fw={600} size="sm" mb={4}>
          {t('citizen.admin.list')}
        </Text>
        <Group gap="md">
          {(forms.data ?? []).map((f) => (
            <Anchor key={f.id} component="button" type="button" size="sm" onClick={() => void open(f.procedureCode)}>
              {f.procedureCode} · {f.title} ({t('citizen.admin.version', { version: f.version })})
            </Anchor>
          ))}
        </Group>
        <ProblemAlert error={forms.error} onRetry={forms.reload} />
      </Card>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('citizen.admin.procedureCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <Button variant="light" onClick={() => code.trim() && void open(code.trim())}>
          {t('citizen.admin.load')}
        </Button>
      </Group>
      {note && <Alert variant="light">{note}</Alert>}
      {loadedCode && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <TextInput label={t('citizen.admin.formTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
              <Textarea label={t('citizen.admin.schema')} value={schemaText} onChange={(e) => setSchemaText(e.currentTarget.value)} autosize minRows={12} maxRows={30} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} error={schema.error ? t('citizen.admin.invalidJson', { message: schema.error }) : undefined} />
              <Textarea label={t('citizen.admin.uiSchema')} value={uiText} onChange={(e) => setUiText(e.currentTarget.value)} autosize minRows={6} maxRows={20} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} error={ui.error ? t('citizen.admin.invalidJson', { message: ui.error }) : undefined} />
              <ProblemAlert error={error} />
              <Button onClick={() => void publish()} disabled={!schema.value || !ui.value || !title.trim()}>
                {t('citizen.admin.publish')}
              </Button>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder padding="sm">
              <Text fw={600} size="sm" mb="xs">
                {t('citizen.admin.preview')}
              </Text>
              {schema.value && ui.value && <PreviewForm schema={schema.value as RJSFSchema} uiSchema={ui.value as UiSchema} />}
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function PreviewForm({ schema, uiSchema }: { schema: RJSFSchema; uiSchema: UiSchema }) {
  try {
    validator.isValid(schema, {}, schema);
  } catch (e) {
    return <Text c="red.8" size="sm">{e instanceof Error ? e.message : String(e)}</Text>;
  }
  return <Form className="eform" schema={schema} uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }} validator={validator} fields={EFORM_FIELDS} liveValidate={false} noHtml5Validate />;
}
