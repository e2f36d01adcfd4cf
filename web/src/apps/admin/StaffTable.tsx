import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';
import { formatDateTime } from '../../shared/formatDateTime.ts';

interface StaffTableProps {
  accounts: StaffAccount[];
  onEdit: (account: StaffAccount) => void;
  onUnlock: (account: StaffAccount) => void;
}

/** Locked means too many wrong passwords: the lock lifts by itself at lockedUntil, or by an admin. */
function isLocked(account: StaffAccount, now: number) {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > now;
}

export function StaffTable({ accounts, onEdit, onUnlock }: StaffTableProps) {
  const { t } = useTranslation();
  if (accounts.length === 0) return <Text c="dimmed">{t('admin.staff.empty')}</Text>;
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('admin.staff.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.staff.username')}</Table.Th>
            <Table.Th>{t('admin.staff.fullName')}</Table.Th>
            <Table.Th>{t('admin.staff.roles')}</Table.Th>
            <Table.Th>{t('admin.staff.status')}</Table.Th>
            <Table.Th>{t('admin.staff.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => {
            const locked = isLocked(account, now);
            return (
              <Table.Tr key={account.id} data-username={account.username}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {account.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {account.fullName}
                  </Text>
                  {account.email && (
                    <Text size="xs" c="dimmed">
                      {account.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {account.roles.map((grant) => (
                      <Text size="sm" key={`${grant.role}-${grant.unitId}`}>
                        <b>{t(`roles.${grant.role}`)}</b> — {grant.unitName}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={account.active ? 'green' : 'gray'} variant="light">
                      {t(account.active ? 'admin.staff.statusActive' : 'admin.staff.statusInactive')}
                    </Badge>
                    {locked && (
                      <Text size="xs" c="orange.9" fw={600}>
                        {t('admin.staff.lockedUntil', { time: formatDateTime(account.lockedUntil!) })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('admin.staff.editNamed', { username: account.username })}
                      onClick={() => onEdit(account)}
                    >
                      {t('admin.staff.edit')}
                    </Button>
                    {locked && (
                      <Button
                        size="compact-sm"
                        color="orange"
                        aria-label={t('admin.staff.unlockNamed', { username: account.username })}
                        onClick={() => onUnlock(account)}
                      >
                        {t('admin.staff.unlock')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
