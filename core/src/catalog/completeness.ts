import type { Completeness, MandatoryComponent, ProcedureContent } from './schemas.ts';

const present = (text: string | null | undefined) => typeof text === 'string' && text.trim().length > 0;

/**
 * Which of the seven mandatory components (NĐ 63/2010 Art. 8(2)) a procedure states: name, steps,
 * method (at least one channel), documents, processing time (a number or the catalog's words),
 * applicants, and the executing agency. QĐ 766 indicator 1.3 counts the procedures that state all.
 */
export function missingComponents(content: Pick<
  ProcedureContent,
  'name' | 'steps' | 'channels' | 'cases' | 'documents' | 'applicantTypes' | 'executingAgencies' | 'authorityAgencies'
>): MandatoryComponent[] {
  const missing: MandatoryComponent[] = [];
  if (!present(content.name)) missing.push('name');
  if (!content.steps.some((s) => present(s.text))) missing.push('steps');
  if (content.channels.length === 0) missing.push('method');
  if (content.documents.length === 0) missing.push('documents');
  const times = [...content.channels.map((c) => c.processingTime), ...content.cases.map((c) => c.processingTime)];
  if (!times.some((t) => t.value !== null || present(t.text))) missing.push('time');
  if (!content.applicantTypes.some(present)) missing.push('applicants');
  if (![...content.executingAgencies, ...content.authorityAgencies].some((a) => present(a.name))) missing.push('agency');
  return missing;
}

export function completenessOf(content: Parameters<typeof missingComponents>[0]): Completeness {
  const missing = missingComponents(content);
  return { complete: missing.length === 0, missing };
}
