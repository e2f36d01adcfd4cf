import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dossierPaths, type DossierDocument } from '../../../api/dossiers.ts';
import { WRAPPING_BADGE } from '../dossierText.ts';

/** One paper: its name, result number or copies, and a link to its scan. */
export function DocumentLine({ dossierId, doc }: { dossierId: string; doc: DossierDocument }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} lineClamp={3} title={doc.name}>
        {doc.name}
      </Text>
      <Group gap="xs">
        {doc.resultCode && (
          <Badge color="green" variant="light" ff="monospace" styles={WRAPPING_BADGE}>
            {t('dossier.resultCode', { code: doc.resultCode })}
          </Badge>
        )}
        {doc.purpose !== 'result' && (
          <Text size="xs" c="dimmed">
            {doc.provided ? t('dossier.copiesText', { originals: doc.originals, copies: doc.copies }) : t('dossier.notProvided')}
          </Text>
        )}
        {doc.fileSha256 ? (
          <Anchor
            size="xs"
            href={dossierPaths.file(dossierId, doc.fileSha256)}
            target="_blank"
            rel="noopener"
            aria-label={t('dossier.openFileNamed', { name: doc.fileName ?? doc.name })}
          >
            {t('dossier.openFile')}
            {doc.fileName ? `: ${doc.fileName}` : ''}
          </Anchor>
        ) : (
          <Text size="xs" c="dimmed">
            {t('dossier.noFile')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
