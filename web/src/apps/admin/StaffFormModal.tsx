import { useState, type FormEvent } from 'react';
import { Modal, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import type { StaffAccount, StaffCreate, StaffUpdate } from '@motcua/core/users/schemas.ts';
import { createStaff, updateStaff } from '../../api/staff.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../shared/problems.ts';
import { useLang } from '../../shared/useLang.ts';
import { RoleGrantsEditor, type RoleGrantDraft } from './RoleGrantsEditor.tsx';
import { FormActions } from '../../shared/FormActions.tsx';

export type StaffDialog = { mode: 'create' } | { mode: 'edit'; account: StaffAccount };

interface StaffFormModalProps {
  dialog: StaffDialog;
  units: Unit[];
  onClose: () => void;
  onSaved: (account: StaffAccount, mode: StaffDialog['mode']) => void;
}

const FORM_FIELDS = ['username', 'fullName', 'email', 'password', 'active', 'roles'];

const sameGrants = (a: RoleGrantDraft[], b: RoleGrantDraft[]) =>
  JSON.stringify(a.map((g) => [g.role, g.unitId]).sort()) === JSON.stringify(b.map((g) => [g.role, g.unitId]).sort());

/** Create an account (POST /api/staff) or edit one (PATCH /api/staff/:id, changed fields only). */
export function StaffFormModal({ dialog, units, onClose, onSaved }: StaffFormModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const original = dialog.mode === 'edit' ? dialog.account : null;
  const originalGrants: RoleGrantDraft[] = original?.roles.map(({ role, unitId }) => ({ role, unitId })) ?? [];
  const [username, setUsername] = useState(original?.username ?? '');
  const [fullName, setFullName] = useState(original?.fullName ?? '');
  const [email, setEmail] = useState(original?.email ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(original?.active ?? true);
  const [grants, setGrants] = useState<RoleGrantDraft[]>(original ? originalGrants : [{ role: null, unitId: null }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // Incomplete role rows are sent as they are: the server's validation names the row and field.
    const roles = grants.map(({ role, unitId }) => ({ role, unitId })) as StaffCreate['roles'];
    const emailOrNull = email.trim() || null;
    try {
      if (dialog.mode === 'create') {
        onSaved(await createStaff({ username, fullName, email: emailOrNull, password, roles }), 'create');
      } else {
        const a = dialog.account;
        const changes: StaffUpdate = {
          ...(fullName !== a.fullName ? { fullName } : {}),
          ...(emailOrNull !== a.email ? { email: emailOrNull } : {}),
          ...(password ? { password } : {}),
          ...(active !== a.active ? { active } : {}),
          ...(!sameGrants(grants, originalGrants) ? { roles } : {}),
        };
        onSaved(Object.keys(changes).length > 0 ? await updateStaff(a.id, changes) : a, 'edit');
      }
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={original ? t('admin.staff.editTitle', { username: original.username }) : t('admin.staff.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} formFields={FORM_FIELDS} />
          {dialog.mode === 'create' && (
            <TextInput
              label={t('admin.staff.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={fieldErrors.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              withAsterisk
            />
          )}
          <TextInput
            label={t('admin.staff.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={fieldErrors.fullName}
            withAsterisk
          />
          <TextInput
            label={t('admin.staff.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
          />
          <PasswordInput
            label={t(original ? 'admin.staff.newPassword' : 'admin.staff.password')}
            description={t(original ? 'admin.staff.newPasswordHint' : 'admin.staff.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            aria-invalid={fieldErrors.password ? true : undefined}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
            withAsterisk={!original}
          />
          {original && (
            <Switch label={t('admin.staff.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} error={fieldErrors.active} />
          )}
          <RoleGrantsEditor value={grants} onChange={setGrants} units={units} errors={fieldErrors} />
          <FormActions onCancel={onClose} busy={busy} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
