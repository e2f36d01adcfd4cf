import { SegmentedControl, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_AUTONYMS, LANGUAGES } from '../i18n/index.ts';
import { useLang } from './useLang.ts';

/** Tiếng Việt / English; the choice is remembered in this browser. */
export function LanguageSwitch({ size = 'sm' }: { size?: MantineSize }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.switchLabel')}
      value={lang}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_AUTONYMS[code] }))}
    />
  );
}
