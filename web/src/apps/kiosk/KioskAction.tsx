import { Badge, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One big touch target; disabled, and saying so, until its feature is built. */
export function KioskAction({ label, id }: { label: string; id: string }) {
  const { t } = useTranslation();
  const noteId = `${id}-note`;
  return (
    <Stack gap="xs" align="stretch">
      <Button
        disabled
        aria-describedby={noteId}
        h={{ base: 120, md: 180 }}
        fz={{ base: 26, md: 32 }}
        radius="lg"
        variant="white"
        color="red"
        styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
      >
        {label}
      </Button>
      <Stack gap={4} align="center" id={noteId}>
        <Badge color="yellow" c="dark" size="lg">
          {t('common.comingSoon')}
        </Badge>
        <Text size="sm" ta="center" opacity={0.9}>
          {t('kiosk.comingSoonNote')}
        </Text>
      </Stack>
    </Stack>
  );
}
