import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Đang phục vụ": ticket and counter pairs; empty until queue calls exist. */
export function NowServingTable() {
  const { t } = useTranslation();
  return (
    <Paper bg="dark.6" p="lg" radius="lg" flex={1} component="section" aria-labelledby="now-serving-title">
      <Title order={2} id="now-serving-title" fz={{ base: 28, md: 40 }} c="yellow.4" mb="md">
        {t('display.nowServing')}
      </Title>
      <Table fz={{ base: 22, md: 32 }} c="white" verticalSpacing="md" aria-labelledby="now-serving-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th c="gray.4">{t('display.ticket')}</Table.Th>
            <Table.Th c="gray.4">{t('display.counter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td colSpan={2} c="gray.5" ta="center">
              {t('display.empty')}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
