import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { submitsOnline, type OnlineLevel } from '../../../shared/catalog/catalogValues.ts';

/**
 * "Nộp trực tuyến" for partly and fully online procedures. The online submission flow comes in a
 * later issue: until then the button is shown disabled, with "Sắp có".
 */
export function OnlineSubmitButton({ level }: { level: OnlineLevel | null }) {
  const { t } = useTranslation();
  if (!submitsOnline(level)) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button disabled aria-describedby="online-submit-note">
        {t('catalog.procedure.submitOnline')}
      </Button>
      <Text size="sm" c="dimmed" id="online-submit-note">
        {t('common.comingSoon')}
      </Text>
    </Group>
  );
}
