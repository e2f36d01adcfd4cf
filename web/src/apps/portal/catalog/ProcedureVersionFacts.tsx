import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/procedures.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { formatIsoDay } from '../../../shared/vietnamDate.ts';
import { FactList, type Fact } from '../../../shared/catalog/FactList.tsx';

/** The decision that published the procedure and the version shown (what a dossier received today would keep). */
export function ProcedureVersionFacts({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const { decision, version } = procedure;
  const facts: Fact[] = [];
  if (decision?.number || version.decisionNumber) facts.push({ label: t('catalog.procedure.version.decision'), value: version.decisionNumber ?? decision?.number });
  if (decision?.date) facts.push({ label: t('catalog.procedure.version.decisionDate'), value: formatIsoDay(decision.date) });
  if (decision?.issuedBy) facts.push({ label: t('catalog.procedure.version.issuedBy'), value: decision.issuedBy });
  if (procedure.issuingAgency) facts.push({ label: t('catalog.procedure.version.issuingAgency'), value: procedure.issuingAgency });
  facts.push({ label: t('catalog.procedure.version.number'), value: String(version.number) });
  if (version.effectiveFrom) facts.push({ label: t('catalog.procedure.version.effectiveFrom'), value: formatIsoDay(version.effectiveFrom) });
  facts.push({ label: t('catalog.procedure.version.updatedAt'), value: formatDateTime(version.createdAt) });
  facts.push({ label: t('catalog.procedure.version.source'), value: t(`catalog.versionSources.${version.source}`) });
  return <FactList facts={facts} />;
}
