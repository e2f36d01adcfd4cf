import { useEffect, useMemo, useRef, useState } from 'react';
import { Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { procedurePaths, type ProcedureDetail } from '../../../api/procedures.ts';
import { receiveDossier, type DossierDetail } from '../../../api/dossiers.ts';
import { enterMovesOn } from '../../../shared/enterMovesOn.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { CompetentUnitSelect } from './CompetentUnitSelect.tsx';
import { DocumentChecklist } from './DocumentChecklist.tsx';
import { DurationFields } from './DurationFields.tsx';
import { ProcedurePicker, type PickedProcedure } from './ProcedurePicker.tsx';
import { ProcessingTimeText } from './ProcessingTimeText.tsx';
import { ReceptionOutcome, type OutcomeChoice } from './ReceptionOutcome.tsx';
import {
  CHANNELS,
  RETURN_METHODS,
  catalogGivesDuration,
  catalogTime,
  documentsOf,
  emptyDraft,
  isTwelveDigits,
  missingRequired,
  sentDocuments,
  toReceptionInput,
  type Channel,
  type ReceptionDraft,
  type ReturnMethod,
} from './receptionDraft.ts';

interface ReceptionFormProps {
  counters: { id: string; name: string }[];
  /** Every agency of the province (GET /api/public/units): where the deciding agency is chosen. */
  units: Unit[];
  onDone: (dossier: DossierDetail) => void;
}

const ID_INPUT = 'reception-id-number';

/** Paths of the server's field errors that an input of this form shows beside itself. */
const PLACED = [
  /^procedureCode$/,
  /^caseCode$/,
  /^applicant\.(idNumber|fullName|phone|email|address(\.detail|\.communeCode)?)$/,
  /^representative\.(idNumber|fullName|authorization)$/,
  /^competentUnitId$/,
  /^returnAddress/,
  /^duration/,
  /^reason$/,
  /^missing$/,
  /^documents\[\d+\]/,
];

/**
 * Reception at the counter: the procedure, the applicant (a scanned ID card fills the first fields),
 * the deciding agency (from the applicant's commune), the checklist with scans, and the outcome.
 * Enter moves from field to field; each submission of this form reuses one idempotency key.
 */
export function ReceptionForm({ counters, units, onDone }: ReceptionFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ReceptionDraft>(() => emptyDraft(counters[0]?.id ?? null));
  const [picked, setPicked] = useState<PickedProcedure | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [durationAsked, setDurationAsked] = useState(false);
  const update = (patch: Partial<ReceptionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const procedure = useApiData<ProcedureDetail>(draft.procedureCode ? procedurePaths.detail(draft.procedureCode) : null);
  const detail = procedure.data && procedure.data.code === draft.procedureCode ? procedure.data : null;

  // A newly loaded procedure brings its checklist and, when it has one case only, that case.
  useEffect(() => {
    if (!detail) return;
    setDraft((d) => ({ ...d, documents: documentsOf(detail), caseCode: detail.cases.length === 1 ? (detail.cases[0]!.code ?? null) : null }));
  }, [detail]);

  // The deciding agency follows the applicant's commune until the officer picks one.
  const communeCode = draft.applicant.communeCode;
  useEffect(() => {
    setDraft((d) => {
      if (d.competentChosen) return d;
      const local = communeCode ? units.find((u) => u.active && u.communeCode === communeCode) : undefined;
      return { ...d, competentUnitId: local?.id ?? null };
    });
  }, [communeCode, units]);

  const time = detail ? catalogTime(detail, draft.channel, draft.caseCode) : null;
  const needDuration = detail !== null && (!catalogGivesDuration(time) || durationAsked);
  const provinceCode = units[0]?.provinceCode ?? null;

  const fieldErrors = useMemo(() => {
    const server = fieldErrorsOf(error, lang);
    const byRow: Record<string, string> = {};
    for (const [path, message] of Object.entries(server)) {
      const match = /^documents\[(\d+)\]/.exec(path);
      const key = match ? sentKeys[Number(match[1])] : undefined;
      if (key) byRow[key] = byRow[key] ? `${byRow[key]}; ${message}` : message;
    }
    return { fields: { ...server, ...clientErrors }, rows: byRow };
  }, [error, lang, clientErrors, sentKeys]);

  // After a refusal by the server or the form's own checks, the first field in error takes the focus.
  useEffect(() => {
    if (!error && Object.keys(clientErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, clientErrors]);

  function pickProcedure(next: PickedProcedure | null) {
    setPicked(next);
    update({ procedureCode: next?.code ?? null, documents: [], caseCode: null });
    setDurationAsked(false);
    if (next) requestAnimationFrame(() => document.getElementById(ID_INPUT)?.focus());
  }

  async function submit(choice: OutcomeChoice) {
    const problems: Record<string, string> = {};
    if (!draft.procedureCode) problems['procedureCode'] = t('office.reception.procedureRequired');
    if (!isTwelveDigits(draft.applicant.idNumber)) problems['applicant.idNumber'] = t('office.reception.idNumberFormat');
    if (draft.representative.enabled && !isTwelveDigits(draft.representative.idNumber))
      problems['representative.idNumber'] = t('office.reception.idNumberFormat');
    if (!draft.competentUnitId) problems['competentUnitId'] = t('office.reception.competentChoose');
    const withDuration = needDuration && choice.outcome === 'receive';
    if (withDuration && !(Number(draft.durationValue) > 0)) problems['duration'] = t('office.reception.durationRequired');
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    setSentKeys(sentDocuments(draft.documents).map((d) => d.key));
    try {
      onDone(await receiveDossier(toReceptionInput(draft, { ...choice, withDuration })));
    } catch (failure) {
      setError(failure);
      if (Object.keys(fieldErrorsOf(failure, lang)).some((path) => path.startsWith('duration'))) setDurationAsked(true);
    } finally {
      setBusy(false);
    }
  }

  const errors = fieldErrors.fields;
  return (
    <form ref={formRef} onSubmit={(e) => e.preventDefault()} onKeyDown={enterMovesOn} noValidate aria-label={t('office.reception.title')}>
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="reception-procedure">
          <Stack gap="sm">
            <Title order={3} id="reception-procedure">
              {t('office.reception.procedureSection')}
            </Title>
            <ProcedurePicker value={picked} onChange={pickProcedure} error={errors['procedureCode']} />
            {procedure.loading && !detail && (
              <Text size="sm" c="dimmed" role="status">
                {t('office.reception.procedureLoading')}
              </Text>
            )}
            <ProblemAlert error={procedure.error} onRetry={procedure.reload} />
            {detail && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                  {detail.cases.length > 1 && (
                    <Select
                      label={t('office.reception.case')}
                      data={detail.cases.filter((c) => c.code).map((c) => ({ value: c.code!, label: c.name }))}
                      value={draft.caseCode}
                      onChange={(caseCode) => update({ caseCode })}
                      clearable
                      clearButtonProps={{ 'aria-label': t('common.clear') }}
                      error={errors['caseCode']}
                    />
                  )}
                  <Select
                    label={t('office.reception.channel')}
                    data={CHANNELS.map((c) => ({ value: c, label: t(`office.reception.channels.${c}`) }))}
                    value={draft.channel}
                    onChange={(channel) => channel && update({ channel: channel as Channel })}
                    allowDeselect={false}
                  />
                  {counters.length > 1 ? (
                    <Select
                      label={t('office.reception.receivingUnit')}
                      data={counters.map((c) => ({ value: c.id, label: c.name }))}
                      value={draft.receivingUnitId}
                      onChange={(receivingUnitId) => receivingUnitId && update({ receivingUnitId })}
                      allowDeselect={false}
                    />
                  ) : (
                    <div>
                      <Text size="sm" fw={500}>
                        {t('office.reception.receivingUnit')}
                      </Text>
                      <Text size="sm">{counters[0]?.name}</Text>
                    </div>
                  )}
                </SimpleGrid>
                <Text size="sm">
                  {t('office.reception.processingTime')}:{' '}
                  <b data-testid="catalog-time">
                    <ProcessingTimeText time={time} />
                  </b>
                </Text>
                {needDuration && (
                  <DurationFields
                    value={draft.durationValue}
                    unit={draft.durationUnit}
                    onValue={(durationValue) => update({ durationValue })}
                    onUnit={(durationUnit) => update({ durationUnit })}
                    error={errors['duration'] ?? errors['duration.value']}
                  />
                )}
              </>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="reception-applicant">
          <Stack gap="sm">
            <Title order={3} id="reception-applicant">
              {t('office.reception.applicantSection')}
            </Title>
            <ApplicantFields
              idInputId={ID_INPUT}
              applicant={draft.applicant}
              representative={draft.representative}
              provinceCode={provinceCode}
              onApplicant={(applicant) => update({ applicant })}
              onRepresentative={(representative) => update({ representative })}
              errors={errors}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CompetentUnitSelect
                units={units}
                value={draft.competentUnitId}
                automatic={!draft.competentChosen}
                onChange={(competentUnitId) => update({ competentUnitId, competentChosen: true })}
                error={errors['competentUnitId']}
              />
              <Select
                label={t('office.reception.returnMethod')}
                description={draft.returnMethod === 'postal' ? t('office.reception.returnByPostHint') : undefined}
                data={RETURN_METHODS.map((m) => ({ value: m, label: t(`office.reception.returnMethods.${m}`) }))}
                value={draft.returnMethod}
                onChange={(method) => method && update({ returnMethod: method as ReturnMethod })}
                allowDeselect={false}
                error={errors['returnAddress']}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="reception-documents">
          <Stack gap="sm">
            <div>
              <Title order={3} id="reception-documents">
                {t('office.reception.documentsSection')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('office.reception.documentsHint')}
              </Text>
            </div>
            {detail ? (
              <DocumentChecklist documents={draft.documents} onChange={(documents) => update({ documents })} errors={fieldErrors.rows} />
            ) : (
              <Text c="dimmed">{t('office.reception.chooseProcedureFirst')}</Text>
            )}
          </Stack>
        </Paper>

        <ProblemAlert error={error} placed={(path) => PLACED.some((p) => p.test(path))} />
        <ReceptionOutcome busy={busy} suggestedMissing={() => missingRequired(draft.documents)} onSubmit={submit} errors={errors} />
      </Stack>
    </form>
  );
}
