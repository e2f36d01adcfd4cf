import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';
import { staffPaths, updateStaff } from '../../api/staff.ts';
import { unitPaths } from '../../api/units.ts';
import { PageLoader } from '../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { useApiData } from '../../shared/useApiData.ts';
import { StaffFormModal, type StaffDialog } from './StaffFormModal.tsx';
import { StaffTable } from './StaffTable.tsx';

/** /admin/staff: staff accounts in the jurisdiction; create, edit, unlock. */
export function StaffPage() {
  const { t } = useTranslation();
  const staff = useApiData<StaffAccount[]>(staffPaths.list);
  const units = useApiData<Unit[]>(unitPaths.jurisdiction);
  const [dialog, setDialog] = useState<StaffDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  function saved(account: StaffAccount, mode: StaffDialog['mode']) {
    setDialog(null);
    setNotice(t(mode === 'create' ? 'admin.staff.created' : 'admin.staff.updated', { username: account.username }));
    staff.reload();
  }

  async function unlock(account: StaffAccount) {
    setActionError(null);
    try {
      await updateStaff(account.id, { unlock: true });
      setNotice(t('admin.staff.unlocked', { username: account.username }));
      staff.reload();
    } catch (failure) {
      setActionError(failure);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('admin.staff.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('admin.staff.intro')}
          </Text>
        </div>
        <Button onClick={() => setDialog({ mode: 'create' })} disabled={!units.data}>
          {t('admin.staff.add')}
        </Button>
      </Group>
      {notice && (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={staff.error ?? units.error} onRetry={() => (staff.reload(), units.reload())} />
      <ProblemAlert error={actionError} />
      <Paper withBorder p="md">
        {staff.data ? (
          <StaffTable
            accounts={staff.data}
            onEdit={(account) => setDialog({ mode: 'edit', account })}
            onUnlock={unlock}
          />
        ) : (
          staff.loading && <PageLoader />
        )}
      </Paper>
      {dialog && units.data && (
        <StaffFormModal dialog={dialog} units={units.data} onClose={() => setDialog(null)} onSaved={saved} />
      )}
    </Stack>
  );
}
