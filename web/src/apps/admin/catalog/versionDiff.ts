import type { TFunction } from 'i18next';
import type { ProcedureContent } from '../../../api/procedures.ts';
import type { Lang } from '../../../i18n/index.ts';
import { feeText, processingTimeText } from '../../../shared/catalog/catalogText.ts';
import { formatIsoDay } from '../../../shared/vietnamDate.ts';

/**
 * What changed between two versions, said as lines a person reads (a document, a channel's time, a
 * fee …): each changed field's lines before and after, and which of them were removed or added.
 */

export interface FieldChange {
  field: string;
  removed: string[];
  added: string[];
  /** Lines present in both versions. */
  kept: number;
}

const nonEmpty = (text: string | null | undefined) => (text?.trim() ? [text.trim()] : []);

/** The lines one content field reads as. */
export function fieldLines(content: ProcedureContent, field: string, t: TFunction, lang: Lang): string[] {
  switch (field) {
    case 'kind':
      return [t(`catalog.kinds.${content.kind}`)];
    case 'state':
      return [t(`catalog.states.${content.state}`)];
    case 'onlineLevel':
      return [content.onlineLevel ? t(`catalog.onlineLevelsLong.${content.onlineLevel}`) : t('catalog.onlineLevelsLong.unknown')];
    case 'levels':
      return content.levels.map((level) => t(`catalog.levels.${level}`));
    case 'fields':
    case 'applicantTypes':
      return content[field];
    case 'executingAgencies':
    case 'authorityAgencies':
    case 'coordinatingAgencies':
    case 'results':
      return content[field].map((item) => item.name);
    case 'legalBases':
      return content.legalBases.map((basis) => (basis.number && !basis.title.includes(basis.number) ? `${basis.number}: ${basis.title}` : basis.title));
    case 'cases':
      return content.cases.map((c) => `${c.name}${c.code ? ` (${c.code})` : ''}: ${processingTimeText(c.processingTime, t, lang)}`);
    case 'channels':
      return content.channels.flatMap((c) => {
        const channel = t(`catalog.channels.${c.channel}`);
        return [
          `${channel} — ${t('catalog.procedure.channels.time')} ${processingTimeText(c.processingTime, t, lang)}`,
          ...(c.fees.length === 0 ? [`${channel} — ${t('catalog.procedure.channels.noFees')}`] : c.fees.map((fee) => `${channel} — ${feeText(fee, t, lang)}`)),
        ];
      });
    case 'documents':
      return content.documents.map(
        (d) =>
          `${d.group ? `${d.group.trim()} ` : ''}${d.name} (${t('catalog.procedure.documents.copiesLine', { originals: d.originals, copies: d.copies })}, ${t(
            d.required ? 'catalog.procedure.documents.required' : 'catalog.procedure.documents.optional',
          )})`,
      );
    case 'steps':
      return content.steps.flatMap((step) => [...nonEmpty(step.title), ...step.text.split('\n').map((line) => line.trim()).filter(Boolean)]);
    case 'resultDelivery':
      return content.resultDelivery.map((d) => t(`catalog.resultDelivery.${d}`));
    case 'decision': {
      const d = content.decision;
      if (!d) return [];
      return [[d.number, d.date ? formatIsoDay(d.date) : null, d.issuedBy].filter(Boolean).join(' — ')];
    }
    case 'hasDetail':
      return [t(content.hasDetail ? 'catalog.admin.history.hasDetail' : 'catalog.admin.history.listOnly')];
    case 'name':
    case 'code':
    case 'provinceCode':
    case 'issuingAgency':
    case 'requirements':
    case 'description':
    case 'note':
    case 'keywords':
      return (content[field] ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    default:
      return [];
  }
}

/** Removed and added lines, counting repeats (two identical documents are two lines). */
function lineDiff(before: string[], after: string[]): Omit<FieldChange, 'field'> {
  const remaining = new Map<string, number>();
  for (const line of after) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const removed: string[] = [];
  let kept = 0;
  for (const line of before) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) {
      remaining.set(line, left - 1);
      kept++;
    } else removed.push(line);
  }
  const added: string[] = [];
  for (const line of after) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) {
      added.push(line);
      remaining.set(line, left - 1);
    }
  }
  return { removed, added, kept };
}

export function versionChanges(before: ProcedureContent, after: ProcedureContent, fields: string[], t: TFunction, lang: Lang): FieldChange[] {
  return fields.map((field) => ({ field, ...lineDiff(fieldLines(before, field, t, lang), fieldLines(after, field, t, lang)) }));
}
