import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Radio, Stack, Text, Title } from '@mantine/core';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { procedurePaths, type ProcedureDetail } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { problemOf } from '../../../shared/problems.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { AddressInput, type AddressValue } from './AddressInput.tsx';
import { CitizenBar } from './CitizenBar.tsx';
import { citizenApi, type AttachedDocument, type EformView } from './citizenApi.ts';
import { DocumentUploads, type DocumentSlot } from './DocumentUploads.tsx';
import { EFORM_FIELDS, errorTransformer, prefill } from './EformFields.tsx';
import { useCitizen } from './useCitizen.ts';
import './eform.css';

type Json = Record<string, unknown>;
type ReturnMethod = 'counter' | 'electronic' | 'postal';

/** /nop-truc-tuyen/:code: the procedure's e-form, its documents, how to get the result; drafts save as you type. */
export function SubmitPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { state } = useCitizen();
  const procedure = useApiData<ProcedureDetail>(procedurePaths.detail(code));
  const form = useApiData<EformView>(`/api/procedures/${encodeURIComponent(code)}/eform`);
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'signedOut') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(`/nop-truc-tuyen/${code}`)}`} replace />;
  if (form.error)
    return (
      <Stack>
        <CitizenBar />
        <Alert color="orange">{problemOf(form.error)?.code === 'no_eform' ? t('citizen.submit.noForm') : t('errors.client')}</Alert>
      </Stack>
    );
  if (!procedure.data || !form.data) return <PageLoader />;
  return <SubmitForm procedure={procedure.data} eform={form.data} profile={state.citizen} />;
}

function SubmitForm({ procedure, eform, profile }: { procedure: ProcedureDetail; eform: EformView; profile: Parameters<typeof prefill>[3] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schema = eform.schema as RJSFSchema;
  const uiSchema = eform.uiSchema as UiSchema;
  const [formData, setFormData] = useState<Json | null>(null);
  const [documents, setDocuments] = useState<AttachedDocument[]>([]);
  const [returnMethod, setReturnMethod] = useState<ReturnMethod>('electronic');
  const [returnAddress, setReturnAddress] = useState<AddressValue | undefined>(profile.address ? { communeCode: profile.address.communeCode ?? undefined, detail: profile.address.detail } : undefined);
  const [saved, setSaved] = useState<{ at: string; resumed: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const loaded = useRef(false);
  const transformErrors = useMemo(() => errorTransformer(t), [t]);
  // Required documents first: on a phone the list is long.
  const slots: DocumentSlot[] = procedure.documents.map((d, i) => ({ requirementIndex: i, name: d.name, required: d.required })).sort((a, b) => Number(b.required) - Number(a.required));

  useEffect(() => {
    let cancelled = false;
    void citizenApi.draft(procedure.code).then(
      (draft) => {
        if (cancelled) return;
        const start = draft?.eformId === eform.id ? draft.data : {};
        setFormData(prefill(schema, uiSchema, start, profile));
        if (draft) {
          setDocuments(draft.documents);
          setSaved({ at: draft.updatedAt, resumed: true });
        }
        loaded.current = true;
      },
      () => {
        if (!cancelled) setFormData(prefill(schema, uiSchema, {}, profile));
        loaded.current = true;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [procedure.code, eform.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // Drafts save a second after the last change, on the server: they resume on any device.
  useEffect(() => {
    if (!loaded.current || formData === null) return;
    const timer = setTimeout(() => {
      void citizenApi.saveDraft(procedure.code, formData, documents).then(
        (d) => setSaved({ at: d.updatedAt, resumed: false }),
        () => undefined,
      );
    }, 1000);
    return () => clearTimeout(timer);
  }, [formData, documents, procedure.code]);

  if (formData === null) return <PageLoader />;

  const submit = async (data: Json) => {
    setSubmitting(true);
    setError(null);
    try {
      const dossier = await citizenApi.submit({
        idempotencyKey,
        procedureCode: procedure.code,
        eformId: eform.id,
        data,
        documents,
        returnMethod,
        returnAddress: returnMethod === 'postal' && returnAddress?.communeCode ? { communeCode: returnAddress.communeCode, detail: returnAddress.detail ?? '' } : null,
      });
      navigate(`/ho-so-cua-toi/${dossier.id}?moi=1`);
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  return (
    <Stack gap="md" maw={720} mx="auto">
      <CitizenBar />
      <div>
        <Text size="sm" c="dimmed">
          <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}>{procedure.code}</Link> · {t('citizen.submit.title')}
        </Text>
        <Title order={2} size="h3">
          {procedure.name}
        </Title>
      </div>
      {saved && (
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="draft-status">
          {saved.resumed ? t('citizen.submit.draftResumed', { time: formatDateTime(saved.at) }) : t('citizen.submit.draftSaved', { time: formatDateTime(saved.at) })}
        </Text>
      )}
      <Form
        className="eform"
        schema={schema}
        uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
        formData={formData}
        validator={validator}
        fields={EFORM_FIELDS}
        onChange={(e) => setFormData((e.formData ?? {}) as Json)}
        onSubmit={(e) => void submit((e.formData ?? {}) as Json)}
        transformErrors={transformErrors}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        id="eform"
      >
        <Stack gap="md" mt="md">
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb={4}>
              {t('citizen.submit.documents')}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('citizen.submit.documentsHint')}
            </Text>
            <DocumentUploads slots={slots} value={documents} onChange={setDocuments} />
          </Card>
          <Card withBorder padding="sm">
            <Radio.Group label={t('citizen.submit.returnMethod')} value={returnMethod} onChange={(v) => setReturnMethod(v as ReturnMethod)}>
              <Stack gap={6} mt={6}>
                <Radio value="electronic" label={t('citizen.submit.returnElectronic')} />
                <Radio value="counter" label={t('citizen.submit.returnCounter')} />
                <Radio value="postal" label={t('citizen.submit.returnPostal')} />
              </Stack>
            </Radio.Group>
            {returnMethod === 'postal' && (
              <div style={{ marginTop: 8 }}>
                <AddressInput label={t('citizen.submit.returnAddress')} value={returnAddress} onChange={setReturnAddress} required />
              </div>
            )}
          </Card>
          <ProblemAlert error={error} />
          <Button type="submit" size="md" loading={submitting} fullWidth>
            {t('citizen.submit.submit')}
          </Button>
        </Stack>
      </Form>
    </Stack>
  );
}
