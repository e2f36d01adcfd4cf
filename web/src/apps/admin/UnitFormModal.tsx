import { useState, type FormEvent } from 'react';
import { Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type Unit, type UnitKind, type UnitUpdate } from '@motcua/core/units/schemas.ts';
import { createUnit, updateUnit } from '../../api/units.ts';
import { ProblemAlert } from '../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../shared/problems.ts';
import { useLang } from '../../shared/useLang.ts';
import { CommuneSelect } from '../../shared/CommuneSelect.tsx';
import { FormActions } from '../../shared/FormActions.tsx';

export type UnitDialog = { mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit };

interface UnitFormModalProps {
  dialog: UnitDialog;
  onClose: () => void;
  onSaved: (unit: Unit, mode: UnitDialog['mode']) => void;
}

const FORM_FIELDS = ['parentId', 'kind', 'code', 'name', 'communeCode', 'address', 'active'];

/** Create a child unit (POST /api/units) or edit one (PATCH /api/units/:id, changed fields only). */
export function UnitFormModal({ dialog, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const original = dialog.mode === 'edit' ? dialog.unit : null;
  const [kind, setKind] = useState<UnitKind>(original?.kind ?? 'department');
  const [code, setCode] = useState(original?.code ?? '');
  const [name, setName] = useState(original?.name ?? '');
  const [communeCode, setCommuneCode] = useState<string | null>(original?.communeCode ?? null);
  const [address, setAddress] = useState(original?.address ?? '');
  const [active, setActive] = useState(original?.active ?? true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);
  const provinceCode = dialog.mode === 'create' ? dialog.parent.provinceCode : dialog.unit.provinceCode;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const addressOrNull = address.trim() || null;
      if (dialog.mode === 'create') {
        const unit = await createUnit({ parentId: dialog.parent.id, kind, code, name, communeCode, address: addressOrNull });
        onSaved(unit, 'create');
      } else {
        const u = dialog.unit;
        const changes: UnitUpdate = {
          ...(kind !== u.kind ? { kind } : {}),
          ...(code !== u.code ? { code } : {}),
          ...(name !== u.name ? { name } : {}),
          ...(communeCode !== u.communeCode ? { communeCode } : {}),
          ...(addressOrNull !== u.address ? { address: addressOrNull } : {}),
          ...(active !== u.active ? { active } : {}),
        };
        onSaved(Object.keys(changes).length > 0 ? await updateUnit(u.id, changes) : u, 'edit');
      }
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t(dialog.mode === 'create' ? 'admin.units.createTitle' : 'admin.units.editTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {dialog.mode === 'create' && (
            <Text size="sm">
              {t('admin.units.parent')}: <b>{dialog.parent.name}</b>
            </Text>
          )}
          <ProblemAlert error={error} formFields={FORM_FIELDS.filter((f) => f !== 'parentId')} />
          <Select
            label={t('admin.units.kind')}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as UnitKind)}
            allowDeselect={false}
            error={fieldErrors.kind}
            withAsterisk
          />
          <TextInput
            label={t('admin.units.code')}
            description={t('admin.units.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrors.code}
            autoCapitalize="characters"
            spellCheck={false}
            withAsterisk
          />
          <TextInput label={t('admin.units.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name} withAsterisk />
          <CommuneSelect provinceCode={provinceCode} value={communeCode} onChange={setCommuneCode} error={fieldErrors.communeCode} />
          <TextInput label={t('admin.units.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={fieldErrors.address} />
          {dialog.mode === 'edit' && (
            <Switch
              label={t('admin.units.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              error={fieldErrors.active}
            />
          )}
          <FormActions onCancel={onClose} busy={busy} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
