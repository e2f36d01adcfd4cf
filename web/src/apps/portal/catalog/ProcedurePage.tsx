import { Anchor, Button, Grid, List, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { procedurePaths, type ProcedureDetail } from '../../../api/procedures.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { problemOf } from '../../../shared/problems.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { ChannelsTimesFees } from './ChannelsTimesFees.tsx';
import { DocumentsChecklist } from './DocumentsChecklist.tsx';
import { ProcedureHeader } from './ProcedureHeader.tsx';
import { ProcedureSection } from './ProcedureSection.tsx';
import { ProcedureSummaryFacts } from './ProcedureSummaryFacts.tsx';
import { ProcedureVersionFacts } from './ProcedureVersionFacts.tsx';
import { WhereToSubmit } from './WhereToSubmit.tsx';

const preLine = { whiteSpace: 'pre-line' } as const;

/** /thu-tuc/:code — everything the catalog says about one procedure, printable. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const { data, error, loading, reload } = useApiData<ProcedureDetail>(procedurePaths.detail(code));
  const procedure = data?.code === code ? data : undefined;
  useDocumentTitle(procedure ? `${procedure.name} — ${t('common.appName')}` : t('catalog.search.title'));

  // Back to the search as it was (query, filters, page) when the page was opened from it.
  const fromSearch = (useLocation().state as { fromSearch?: unknown } | null)?.fromSearch;
  const back = (
    <Anchor component={Link} to={`/thu-tuc${typeof fromSearch === 'string' ? fromSearch : ''}`} size="sm" data-print-hide>
      ← {t('catalog.procedure.back')}
    </Anchor>
  );

  if (problemOf(error)?.status === 404) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <Title order={2}>{t('catalog.procedure.notFoundTitle')}</Title>
        <Text>{t('catalog.procedure.notFound', { code })}</Text>
        <Button component={Link} to="/thu-tuc">
          {t('catalog.procedure.searchAgain')}
        </Button>
      </Stack>
    );
  }
  if (!procedure) return error ? <ProblemAlert error={error} onRetry={reload} /> : loading ? <PageLoader /> : null;

  return (
    <Stack gap="md" className="procedure-page">
      {back}
      <ProcedureHeader procedure={procedure} />
      <ProcedureSection id="summary" title={t('catalog.procedure.sections.summary')}>
        <ProcedureSummaryFacts procedure={procedure} />
      </ProcedureSection>
      {procedure.hasDetail && (
        <ProcedureSection id="documents" title={t('catalog.procedure.sections.documents')}>
          <DocumentsChecklist documents={procedure.documents} />
        </ProcedureSection>
      )}
      <Grid gap="md">
        {procedure.hasDetail && (
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ProcedureSection id="times-fees" title={t('catalog.procedure.sections.timesFees')}>
              <ChannelsTimesFees channels={procedure.channels} cases={procedure.cases} />
            </ProcedureSection>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: procedure.hasDetail ? 5 : 12 }}>
          <ProcedureSection id="where" title={t('catalog.procedure.sections.where')}>
            <WhereToSubmit procedure={procedure} />
          </ProcedureSection>
        </Grid.Col>
      </Grid>
      {procedure.steps.length > 0 && (
        <ProcedureSection id="steps" title={t('catalog.procedure.sections.steps')}>
          {procedure.steps.map((step, i) => (
            <div key={i}>
              {step.title && (
                <Text fw={600} size="sm">
                  {step.title}
                </Text>
              )}
              <Text size="sm" style={preLine}>
                {step.text.trim()}
              </Text>
            </div>
          ))}
        </ProcedureSection>
      )}
      {procedure.requirements && (
        <ProcedureSection id="requirements" title={t('catalog.procedure.sections.requirements')}>
          <Text size="sm" style={preLine}>
            {procedure.requirements.trim()}
          </Text>
        </ProcedureSection>
      )}
      {procedure.results.length > 0 && (
        <ProcedureSection id="results" title={t('catalog.procedure.sections.results')}>
          <List size="sm" spacing={2}>
            {procedure.results.map((result, i) => (
              <List.Item key={i}>{result.name}</List.Item>
            ))}
          </List>
        </ProcedureSection>
      )}
      {procedure.legalBases.length > 0 && (
        <ProcedureSection id="legal" title={t('catalog.procedure.sections.legal')}>
          <List size="sm" spacing={4}>
            {procedure.legalBases.map((basis, i) => (
              <List.Item key={i}>
                {basis.number && !basis.title.includes(basis.number) ? (
                  <>
                    <Text span fw={600} size="sm">
                      {basis.number}
                    </Text>
                    {': '}
                    {basis.title}
                  </>
                ) : (
                  basis.title
                )}
              </List.Item>
            ))}
          </List>
        </ProcedureSection>
      )}
      {(procedure.description || procedure.note) && (
        <ProcedureSection id="notes" title={t('catalog.procedure.sections.notes')}>
          {procedure.description && (
            <Text size="sm" style={preLine}>
              {procedure.description.trim()}
            </Text>
          )}
          {procedure.note && (
            <Text size="sm" style={preLine}>
              {procedure.note.trim()}
            </Text>
          )}
        </ProcedureSection>
      )}
      <ProcedureSection id="version" title={t('catalog.procedure.sections.version')}>
        <ProcedureVersionFacts procedure={procedure} />
      </ProcedureSection>
    </Stack>
  );
}
