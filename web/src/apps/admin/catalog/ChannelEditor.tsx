import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, isOneOf } from '../../../shared/catalog/catalogValues.ts';
import { FeeRowFields } from './FeeRowFields.tsx';
import { ProcessingTimeFields } from './ProcessingTimeFields.tsx';
import { blankFee, type ChannelDraft } from './procedureDraft.ts';

interface ChannelEditorProps {
  option: ChannelDraft;
  index: number;
  onChange: (option: ChannelDraft) => void;
  onRemove: () => void;
  errors: Record<string, string>;
}

/** One way of carrying the procedure out: its channel, processing time and fees. */
export function ChannelEditor({ option, index, onChange, onRemove, errors }: ChannelEditorProps) {
  const { t } = useTranslation();
  const path = `channels[${index}]`;
  const channelName = t(`catalog.channels.${option.channel}`);
  return (
    <Paper withBorder p="sm" data-channel-editor={option.channel}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <NativeSelect
            label={t('catalog.admin.edit.channel')}
            aria-label={t('catalog.admin.edit.channelNumbered', { n: index + 1 })}
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`catalog.channels.${channel}`) }))}
            value={option.channel}
            onChange={(event) => {
              const channel = event.currentTarget.value;
              if (isOneOf(CHANNELS, channel)) onChange({ ...option, channel });
            }}
            w={260}
            error={errors[`${path}.channel`]}
          />
          <Button variant="subtle" color="red" size="sm" onClick={onRemove} aria-label={`${t('catalog.admin.edit.removeChannel')} — ${channelName}`}>
            {t('catalog.admin.edit.removeChannel')}
          </Button>
        </Group>
        <ProcessingTimeFields
          time={option.processingTime}
          onChange={(processingTime) => onChange({ ...option, processingTime })}
          context={channelName}
          path={`${path}.processingTime`}
          errors={errors}
        />
        <Text size="sm" fw={600}>
          {t('catalog.admin.edit.fees')}
        </Text>
        {option.fees.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('catalog.procedure.channels.noFees')}
          </Text>
        )}
        {option.fees.map((fee, f) => (
          <FeeRowFields
            key={f}
            fee={fee}
            onChange={(next) => onChange({ ...option, fees: option.fees.map((old, i) => (i === f ? next : old)) })}
            onRemove={() => onChange({ ...option, fees: option.fees.filter((_, i) => i !== f) })}
            context={t('catalog.admin.edit.feeContext', { n: f + 1, channel: channelName })}
            path={`${path}.fees[${f}]`}
            errors={errors}
          />
        ))}
        <Button variant="light" size="compact-sm" w="fit-content" onClick={() => onChange({ ...option, fees: [...option.fees, blankFee()] })}>
          {t('catalog.admin.edit.addFeeTo', { channel: channelName })}
        </Button>
      </Stack>
    </Paper>
  );
}
