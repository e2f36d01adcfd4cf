import { Button, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentRow } from './DocumentRow.tsx';
import { extraDocument, type DocumentDraft } from './receptionDraft.ts';

interface DocumentChecklistProps {
  documents: DocumentDraft[];
  onChange: (documents: DocumentDraft[]) => void;
  /** Errors per row key (a file the server does not have …). */
  errors: Record<string, string>;
}

/** The procedure's required documents under their headings (the catalog's cases), then papers the officer adds. */
export function DocumentChecklist({ documents, onChange, errors }: DocumentChecklistProps) {
  const { t } = useTranslation();
  const replace = (key: string, next: DocumentDraft) => onChange(documents.map((d) => (d.key === key ? next : d)));
  const papers = documents.filter((d) => !d.remark);
  const provided = papers.filter((d) => d.provided).length;
  let n = 0;
  let group: string | null = null;
  return (
    <Stack gap="xs">
      {papers.length > 0 && (
        <Text size="sm" fw={600} aria-live="polite">
          {t('office.reception.documentsCount', { provided, total: papers.length })}
        </Text>
      )}
      {documents.length === 0 && <Text c="dimmed">{t('office.reception.noDocuments')}</Text>}
      {documents.map((doc) => {
        const heading =
          doc.group !== group && doc.group ? (
            <Title order={4} size="h6" mt="sm" c="blue.9">
              {doc.group}
            </Title>
          ) : null;
        group = doc.group;
        if (doc.remark)
          return (
            <Stack gap={4} key={doc.key}>
              {heading}
              <Spoiler maxHeight={66} showLabel={t('common.showMore')} hideLabel={t('common.showLess')} pl={36}>
                <Text size="sm" c="dimmed" fs="italic">
                  {doc.name}
                </Text>
              </Spoiler>
            </Stack>
          );
        n += 1;
        return (
          <Stack gap={4} key={doc.key}>
            {heading}
            <DocumentRow
              doc={doc}
              n={n}
              onChange={(next) => replace(doc.key, next)}
              onRemove={doc.requirementIndex === null ? () => onChange(documents.filter((d) => d.key !== doc.key)) : undefined}
              error={errors[doc.key]}
            />
          </Stack>
        );
      })}
      <div>
        <Button variant="default" size="sm" onClick={() => onChange([...documents, extraDocument()])}>
          {t('office.reception.addDocument')}
        </Button>
      </div>
    </Stack>
  );
}

