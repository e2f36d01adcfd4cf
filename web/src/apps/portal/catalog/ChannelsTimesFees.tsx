import { Divider, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOption, ProcedureCase } from '../../../api/procedures.ts';
import { feeText, processingTimeText } from '../../../shared/catalog/catalogText.ts';
import { CHANNELS } from '../../../shared/catalog/catalogValues.ts';
import { useLang } from '../../../shared/useLang.ts';

const channelOrder = (option: ChannelOption) => CHANNELS.indexOf(option.channel);

/** Per channel: the processing time and the fees (integer đồng, or the catalog's words); then per case. */
export function ChannelsTimesFees({ channels, cases }: { channels: ChannelOption[]; cases: ProcedureCase[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...channels].sort((a, b) => channelOrder(a) - channelOrder(b));
  return (
    <Stack gap="sm">
      {sorted.length === 0 && <Text size="sm">{t('catalog.procedure.channels.none')}</Text>}
      {sorted.map((option, i) => (
        <Paper key={`${option.channel}-${i}`} withBorder p="sm" bg="gray.0" data-channel={option.channel}>
          <Stack gap={6}>
            <Title order={4} size="h6">
              {t(`catalog.channels.${option.channel}`)}
            </Title>
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                {t('catalog.procedure.channels.time')}{' '}
              </Text>
              {processingTimeText(option.processingTime, t, lang)}
            </Text>
            <div>
              <Text size="sm" c="dimmed">
                {t('catalog.procedure.channels.fees')}
              </Text>
              {option.fees.length === 0 ? (
                <Text size="sm">{t('catalog.procedure.channels.noFees')}</Text>
              ) : (
                <List size="sm" spacing={2} data-fees>
                  {option.fees.map((fee, f) => (
                    <List.Item key={f}>{feeText(fee, t, lang)}</List.Item>
                  ))}
                </List>
              )}
            </div>
            {option.description && (
              <>
                <Divider />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {option.description.trim()}
                </Text>
              </>
            )}
          </Stack>
        </Paper>
      ))}
      {cases.length > 0 && (
        <>
          <Title order={4} size="h6" mt="xs">
            {t('catalog.procedure.sections.cases')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder striped fz="sm" aria-label={t('catalog.procedure.sections.cases')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.procedure.cases.case')}</Table.Th>
                  <Table.Th>{t('catalog.procedure.cases.time')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((c, i) => (
                  <Table.Tr key={`${c.code ?? ''}-${i}`}>
                    <Table.Td>
                      {c.name}
                      {c.code && (
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {' '}
                          ({c.code})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{processingTimeText(c.processingTime, t, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
