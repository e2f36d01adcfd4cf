import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 409 version_conflict: someone acted on the dossier since it was loaded; nothing was saved. */
export function VersionConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('dossier.conflictTitle')} role="alert">
      <Text size="sm">{t('dossier.conflictText')}</Text>
      <Button mt="sm" size="sm" color="orange" onClick={onReload}>
        {t('dossier.reload')}
      </Button>
    </Alert>
  );
}
