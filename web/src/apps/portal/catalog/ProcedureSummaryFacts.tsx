import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/procedures.ts';
import { FactList, type Fact } from '../../../shared/catalog/FactList.tsx';

/** Field, who may apply, what they get: the facts a citizen checks first. */
export function ProcedureSummaryFacts({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const facts: Fact[] = [
    { label: t('catalog.procedure.facts.fields'), value: procedure.fields.join('; ') || none },
    { label: t('catalog.procedure.facts.levels'), value: procedure.levels.map((level) => t(`catalog.levels.${level}`)).join(', ') || none },
    { label: t('catalog.procedure.facts.onlineLevel'), value: procedure.onlineLevel ? t(`catalog.onlineLevelsLong.${procedure.onlineLevel}`) : t('catalog.onlineLevelsLong.unknown') },
    { label: t('catalog.procedure.facts.applicants'), value: procedure.applicantTypes.join('; ') || none },
    { label: t('catalog.procedure.facts.results'), value: procedure.results.map((r) => r.name).join('; ') || none },
    { label: t('catalog.procedure.facts.kind'), value: t(`catalog.kinds.${procedure.kind}`) },
  ];
  return <FactList facts={facts} />;
}
