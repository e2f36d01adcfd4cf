import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { submitsOnline, type OnlineLevel } from '../../../shared/catalog/catalogValues.ts';

/** "Nộp trực tuyến" for partly and fully online procedures: the e-form page (which says if none exists yet). */
export function OnlineSubmitButton({ level, code }: { level: OnlineLevel | null; code: string }) {
  const { t } = useTranslation();
  if (!submitsOnline(level)) return null;
  return (
    <Button component={Link} to={`/nop-truc-tuyen/${encodeURIComponent(code)}`}>
      {t('catalog.procedure.submitOnline')}
    </Button>
  );
}
