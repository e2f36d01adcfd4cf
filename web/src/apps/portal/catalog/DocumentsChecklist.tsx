import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequiredDocument } from '../../../api/procedures.ts';

/** Consecutive documents under the same heading ("Giấy tờ phải nộp", "Giấy tờ phải xuất trình" …). */
function groupsOf(documents: RequiredDocument[]) {
  const groups: { heading: string | null; documents: RequiredDocument[] }[] = [];
  for (const document of documents) {
    const last = groups.at(-1);
    if (last && last.heading === document.group) last.documents.push(document);
    else groups.push({ heading: document.group, documents: [document] });
  }
  return groups;
}

/**
 * What to bring: each document, how many originals and copies, whether it is required, its form
 * templates. Each is a checkbox the citizen may tick while preparing (kept on this page only).
 */
export function DocumentsChecklist({ documents }: { documents: RequiredDocument[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <Text size="sm">{t('catalog.procedure.documents.none')}</Text>;
  return (
    <Stack gap="md">
      <Text size="xs" c="dimmed" data-print-hide>
        {t('catalog.procedure.documents.tickHint')}
      </Text>
      {groupsOf(documents).map((group, g) => (
        <Stack key={g} gap="xs">
          {group.heading && (
            <Text fw={600} size="sm">
              {group.heading.replace(/^[\s*\-–•]+/, '').replace(/:\s*$/, '')}
            </Text>
          )}
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={group.heading ?? t('catalog.procedure.sections.documents')}>
            {group.documents.map((document, i) => (
              <li key={i} data-document>
                <Checkbox
                  size="sm"
                  label={<span style={{ whiteSpace: 'pre-line' }}>{document.name.replace(/^[-–•+]\s+/, '')}</span>}
                  description={
                    <Stack gap={4} component="span">
                      <Group gap="xs" component="span">
                        <span>{t('catalog.procedure.documents.copiesLine', { originals: document.originals, copies: document.copies })}</span>
                        <Badge size="xs" variant={document.required ? 'light' : 'outline'} color={document.required ? 'red' : 'gray'} component="span">
                          {t(document.required ? 'catalog.procedure.documents.required' : 'catalog.procedure.documents.optional')}
                        </Badge>
                        {document.eForm && (
                          <Badge size="xs" variant="outline" component="span">
                            {t('catalog.procedure.documents.eForm')}
                          </Badge>
                        )}
                      </Group>
                      {document.templates.length > 0 && (
                        <span>
                          {t('catalog.procedure.documents.templates')} {document.templates.map((template) => template.fileName).join('; ')}{' '}
                          {t('catalog.procedure.documents.templatesSoon')}
                        </span>
                      )}
                    </Stack>
                  }
                />
              </li>
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
