import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { DocumentLine } from './DocumentLine.tsx';

const PURPOSES = ['result', 'supplement', 'intake'] as const;

/** The dossier's papers by purpose (results first), each with its scan when digitized. */
export function DocumentsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const groups = PURPOSES.map((purpose) => ({ purpose, docs: dossier.documents.filter((d) => d.purpose === purpose) })).filter((g) => g.docs.length > 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-documents">
      <Stack gap="sm">
        <Title order={3} size="h4" id="dossier-documents">
          {t('dossier.documentsTitle')}
        </Title>
        {groups.length === 0 && <Text c="dimmed">{t('dossier.documentsEmpty')}</Text>}
        {groups.map(({ purpose, docs }) => (
          <Stack gap={4} key={purpose}>
            <Title order={4} size="h6" c={purpose === 'result' ? 'green.9' : 'blue.9'}>
              {t(`dossier.purposes.${purpose}`)}
            </Title>
            <List spacing="xs" listStyleType="none" aria-label={t(`dossier.purposes.${purpose}`)}>
              {docs.map((doc) => (
                <List.Item key={doc.id}>
                  <DocumentLine dossierId={dossier.id} doc={doc} />
                </List.Item>
              ))}
            </List>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

