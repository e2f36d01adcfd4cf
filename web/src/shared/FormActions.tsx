import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The end of a form: Cancel, then the submit button (its label defaults to "Lưu"). */
export function FormActions({
  onCancel,
  busy,
  submitLabel,
  submitDisabled,
  cancelDisabled,
  mt,
}: {
  onCancel: () => void;
  busy: boolean;
  submitLabel?: string;
  submitDisabled?: boolean;
  cancelDisabled?: boolean;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" {...(mt ? { mt } : {})}>
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} disabled={submitDisabled}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
