import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { procedurePaths, type ProcedureDetail } from '../../../api/procedures.ts';
import { actOnDossier, type ActionInput, type ActionType, type DossierDetail } from '../../../api/dossiers.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf, problemOf } from '../../../shared/problems.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';
import { vietnamLocalToInstant } from '../../../shared/vietnamDate.ts';
import { DocumentsInput, newDocumentRow, type DocumentInputRow } from './DocumentsInput.tsx';
import { VersionConflictAlert } from './VersionConflictAlert.tsx';
import { FormActions } from '../../../shared/FormActions.tsx';

interface ActionDialogProps {
  dossier: DossierDetail;
  type: ActionType;
  onClose: () => void;
  onDone: (dossier: DossierDetail) => void;
  /** After a version conflict: load the dossier again. */
  onReload: () => void;
}

const REASON_REQUIRED: ReadonlySet<ActionType> = new Set(['note', 'supplement_requested', 'withdrawal_requested', 'stopped', 'apology_issued']);
const WITH_DOCUMENTS: ReadonlySet<ActionType> = new Set(['result_issued', 'supplement_received']);
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The step `assigned` goes to by default, as the server picks it: the first after reception, else the next. */
function nextStep(dossier: DossierDetail): number | null {
  const next = dossier.status === 2 ? 0 : (dossier.step?.index ?? -1) + 1;
  return next < dossier.steps.length ? next : null;
}

/** The small form of one action; the dossier's version goes with it, so a concurrent change is caught (409). */
export function ActionDialog({ dossier, type, onClose, onDone, onReload }: ActionDialogProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState('');
  const [toStep, setToStep] = useState<string | null>(() => {
    const step = nextStep(dossier);
    return step === null ? null : String(step);
  });
  const [rows, setRows] = useState<DocumentInputRow[]>(() => {
    // A supplement brings what the last request listed.
    const request = type === 'supplement_received' ? dossier.events.findLast((e) => e.type === 'supplement_requested') : undefined;
    const listed = Array.isArray(request?.data['missing']) ? (request.data['missing'] as unknown[]).filter((m): m is string => typeof m === 'string') : [];
    return listed.length > 0 ? listed.map((name) => newDocumentRow(name)) : [newDocumentRow()];
  });
  const [collectedBy, setCollectedBy] = useState(() => String(dossier.applicant['fullName'] ?? ''));
  const [newDueAt, setNewDueAt] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A result is usually named as the catalog names the procedure's result.
  const procedure = useApiData<ProcedureDetail>(type === 'result_issued' ? procedurePaths.detail(dossier.procedureCode) : null);
  const resultNames = procedure.data?.results.map((r) => r.name);
  const resultName = resultNames?.[0];
  useEffect(() => {
    if (resultName) setRows((current) => (current.length === 1 && !current[0]!.name ? [{ ...current[0]!, name: resultName }] : current));
  }, [resultName]);

  function check(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (REASON_REQUIRED.has(type) && !reason.trim()) problems['reason'] = t('dossier.form.reasonRequired');
    if (type === 'supplement_requested' && lines(missing).length === 0) problems['missing'] = t('dossier.form.missingRequired');
    if (type === 'apology_issued' && !newDueAt) problems['newDueAt'] = t('dossier.form.newDueRequired');
    if (WITH_DOCUMENTS.has(type))
      for (const row of rows) {
        if (!row.name.trim()) problems[`${row.key}.name`] = t('dossier.form.nameRequired');
        if (type === 'result_issued' && !row.file) problems[`${row.key}.file`] = t('dossier.form.fileRequired');
      }
    return problems;
  }

  function input(): ActionInput {
    const body: ActionInput = { type, expectedVersion: dossier.version };
    if (reason.trim()) body.reason = reason.trim();
    if (type === 'assigned' && toStep !== null) body.toStep = Number(toStep);
    if (type === 'supplement_requested') body.missing = lines(missing);
    if (type === 'apology_issued') body.newDueAt = vietnamLocalToInstant(newDueAt);
    if (type === 'returned' && collectedBy.trim()) body.collectedBy = collectedBy.trim();
    if (WITH_DOCUMENTS.has(type))
      body.documents = rows.map((r) => ({
        name: r.name.trim(),
        originals: type === 'supplement_received' ? 1 : 0,
        copies: 0,
        provided: true,
        digitized: r.file !== null,
        fileSha256: r.file?.sha256 ?? null,
        fileName: r.file?.fileName ?? null,
      }));
    return body;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = check();
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await actOnDossier(dossier.id, input()));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const conflict = problemOf(error)?.code === 'version_conflict';
  const server = fieldErrorsOf(error, lang);
  // The server's `documents[1].fileSha256` (or plain `documents`) goes beside that row's upload.
  const rowErrors: Record<string, string> = { ...local };
  for (const [path, message] of Object.entries(server)) {
    const match = /^documents(?:\[(\d+)\])?/.exec(path);
    const row = match ? rows[Number(match[1] ?? 0)] : undefined;
    if (row) rowErrors[`${row.key}.file`] = message;
  }
  const fieldError = (path: string) => local[path] ?? server[path];
  const label = t(`dossier.actions.${type}`);
  return (
    <Modal opened onClose={onClose} title={label} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict ? (
            <VersionConflictAlert onReload={onReload} />
          ) : (
            <ProblemAlert error={error} formFields={['reason', 'missing', 'toStep', 'newDueAt', 'collectedBy', 'documents']} />
          )}
          {type === 'assigned' && (
            <Select
              label={t('dossier.form.toStep')}
              data={dossier.steps.map((s) => ({ value: String(s.index), label: t('dossier.form.stepOption', { n: s.index + 1, name: s.name, unit: s.unit.name }) }))}
              value={toStep}
              onChange={setToStep}
              allowDeselect={false}
              error={fieldError('toStep')}
            />
          )}
          {type === 'supplement_requested' && (
            <Textarea
              label={t('dossier.form.missing')}
              description={t('dossier.form.missingHint')}
              required
              autosize
              minRows={3}
              value={missing}
              onChange={(e) => setMissing(e.currentTarget.value)}
              error={fieldError('missing')}
            />
          )}
          {WITH_DOCUMENTS.has(type) && (
            <DocumentsInput rows={rows} onChange={setRows} kind={type === 'result_issued' ? 'result' : 'paper'} errors={rowErrors} suggestions={resultNames} />
          )}
          {type === 'apology_issued' && (
            <TextInput
              type="datetime-local"
              label={t('dossier.form.newDueAt')}
              required
              value={newDueAt}
              onChange={(e) => setNewDueAt(e.currentTarget.value)}
              error={fieldError('newDueAt')}
            />
          )}
          {type === 'returned' && (
            <TextInput label={t('dossier.form.collectedBy')} value={collectedBy} onChange={(e) => setCollectedBy(e.currentTarget.value)} error={fieldError('collectedBy')} />
          )}
          <Textarea
            label={t(type === 'note' ? 'dossier.form.noteText' : 'dossier.form.reason')}
            required={REASON_REQUIRED.has(type)}
            autosize
            minRows={type === 'note' ? 3 : 2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
            data-autofocus={type === 'note' || type === 'stopped' || type === 'withdrawal_requested' ? true : undefined}
          />
          <FormActions onCancel={onClose} busy={busy} cancelDisabled={busy} submitDisabled={conflict} submitLabel={t('dossier.form.confirm')} />
        </Stack>
      </form>
    </Modal>
  );
}
