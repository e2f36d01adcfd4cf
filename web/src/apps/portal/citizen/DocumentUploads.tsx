import { useState } from 'react';
import { Badge, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { citizenApi, type AttachedDocument } from './citizenApi.ts';

export interface DocumentSlot {
  requirementIndex: number | null;
  name: string;
  required: boolean;
}

/** One upload per required document: the file goes to the server at once, the slot keeps its hash. */
export function DocumentUploads({ slots, value, onChange }: { slots: DocumentSlot[]; value: AttachedDocument[]; onChange: (docs: AttachedDocument[]) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (slotIndex: number, slot: DocumentSlot, file: File | null) => {
    if (!file) return;
    setBusy(slotIndex);
    setError(null);
    try {
      const stored = await citizenApi.upload(file);
      const rest = value.filter((d) => !(d.requirementIndex === slot.requirementIndex && d.name === slot.name));
      onChange([...rest, { requirementIndex: slot.requirementIndex, name: slot.name, fileSha256: stored.sha256, fileName: file.name.slice(0, 200) }]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      {slots.map((slot, i) => {
        const attached = value.find((d) => d.requirementIndex === slot.requirementIndex && d.name === slot.name);
        return (
          <Stack key={`${slot.requirementIndex}-${slot.name}`} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="document-slot">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ flex: 1 }}>
                {slot.name}
              </Text>
              {slot.required && (
                <Badge size="xs" color="red" variant="light">
                  {t('citizen.submit.required')}
                </Badge>
              )}
            </Group>
            {attached && (
              <Text size="xs" c="green.8">
                {t('citizen.submit.attached', { name: attached.fileName ?? attached.fileSha256.slice(0, 8) })}
              </Text>
            )}
            <Group gap="xs">
              <FileButton onChange={(f) => void upload(i, slot, f)} accept="application/pdf,image/jpeg,image/png">
                {(props) => (
                  <Button {...props} size="xs" variant="light" loading={busy === i}>
                    {t('citizen.submit.upload')}
                  </Button>
                )}
              </FileButton>
              {attached && (
                <Button size="xs" variant="subtle" color="gray" onClick={() => onChange(value.filter((d) => d !== attached))}>
                  {t('citizen.submit.remove')}
                </Button>
              )}
            </Group>
          </Stack>
        );
      })}
      <ProblemAlert error={error} />
    </Stack>
  );
}
