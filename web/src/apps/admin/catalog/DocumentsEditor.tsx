import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentRowFields } from './DocumentRowFields.tsx';
import { blankDocument, type DocumentDraft } from './procedureDraft.ts';

interface DocumentsEditorProps {
  documents: DocumentDraft[];
  onChange: (documents: DocumentDraft[]) => void;
  errors: Record<string, string>;
}

/** The documents checklist, in the order citizens read it. */
export function DocumentsEditor({ documents, onChange, errors }: DocumentsEditorProps) {
  const { t } = useTranslation();
  function move(index: number, by: -1 | 1) {
    const next = [...documents];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  }
  return (
    <Stack gap="sm">
      {documents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalog.procedure.documents.none')}
        </Text>
      )}
      {documents.map((document, index) => (
        <DocumentRowFields
          key={index}
          document={document}
          index={index}
          count={documents.length}
          onChange={(next) => onChange(documents.map((old, i) => (i === index ? next : old)))}
          onMove={(by) => move(index, by)}
          onRemove={() => onChange(documents.filter((_, i) => i !== index))}
          errors={errors}
        />
      ))}
      <Button
        variant="light"
        size="compact-sm"
        w="fit-content"
        onClick={() => onChange([...documents, { ...blankDocument(), group: documents.at(-1)?.group ?? '' }])}
      >
        {t('catalog.admin.edit.addDocument')}
      </Button>
    </Stack>
  );
}
