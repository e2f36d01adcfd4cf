import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from '../../../shared/CommuneSelect.tsx';
import { parseCitizenCardQr } from './citizenCardQr.ts';
import type { ApplicantDraft, RepresentativeDraft } from './receptionDraft.ts';

interface ApplicantFieldsProps {
  /** The ID number input's id: the form focuses it once the procedure is chosen. */
  idInputId: string;
  applicant: ApplicantDraft;
  representative: RepresentativeDraft;
  provinceCode: string | null;
  onApplicant: (applicant: ApplicantDraft) => void;
  onRepresentative: (representative: RepresentativeDraft) => void;
  /** Field errors by form path (applicant.idNumber, representative.fullName …). */
  errors: Record<string, string>;
}

/**
 * The applicant, ID number first: a QR scan of the citizen ID card fills the number, the name and
 * (when empty) the address line; a scanner's closing Enter moves on like a typed one.
 */
export function ApplicantFields({ idInputId, applicant, representative, provinceCode, onApplicant, onRepresentative, errors }: ApplicantFieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<ApplicantDraft>) => onApplicant({ ...applicant, ...patch });
  const setRep = (patch: Partial<RepresentativeDraft>) => onRepresentative({ ...representative, ...patch });

  function takeScan() {
    if (!applicant.idNumber.includes('|')) return;
    const card = parseCitizenCardQr(applicant.idNumber);
    if (!card) return;
    set({
      idNumber: card.idNumber,
      fullName: card.fullName ?? applicant.fullName,
      addressDetail: applicant.addressDetail || (card.address ?? ''),
    });
  }

  const addressError = errors['applicant.address.communeCode'] ?? errors['applicant.address'] ?? errors['returnAddress'];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput
          id={idInputId}
          label={t('office.reception.idNumber')}
          description={t('office.reception.idNumberHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={applicant.idNumber}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            set({ idNumber: raw.includes('|') ? raw : raw.replace(/\s+/g, '') });
          }}
          onKeyDown={(e) => e.key === 'Enter' && takeScan()}
          onBlur={takeScan}
          error={errors['applicant.idNumber']}
          styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
        />
        <TextInput
          label={t('office.reception.fullName')}
          required
          autoComplete="off"
          value={applicant.fullName}
          onChange={(e) => set({ fullName: e.currentTarget.value })}
          error={errors['applicant.fullName']}
        />
        <TextInput
          label={t('office.reception.phone')}
          type="tel"
          autoComplete="off"
          value={applicant.phone}
          onChange={(e) => set({ phone: e.currentTarget.value })}
          error={errors['applicant.phone']}
        />
        <TextInput
          label={t('office.reception.email')}
          type="email"
          autoComplete="off"
          value={applicant.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={errors['applicant.email']}
        />
        {provinceCode && (
          <CommuneSelect
            provinceCode={provinceCode}
            label={t('office.reception.commune')}
            value={applicant.communeCode}
            onChange={(communeCode) => set({ communeCode })}
            error={addressError}
          />
        )}
        <TextInput
          label={t('office.reception.addressDetail')}
          autoComplete="off"
          value={applicant.addressDetail}
          onChange={(e) => set({ addressDetail: e.currentTarget.value })}
          error={errors['applicant.address.detail']}
        />
      </SimpleGrid>
      <Checkbox
        label={t('office.reception.withRepresentative')}
        checked={representative.enabled}
        onChange={(e) => setRep({ enabled: e.currentTarget.checked })}
      />
      {representative.enabled && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('office.reception.representativeId')}
            required
            inputMode="numeric"
            autoComplete="off"
            value={representative.idNumber}
            onChange={(e) => setRep({ idNumber: e.currentTarget.value.replace(/\s+/g, '') })}
            error={errors['representative.idNumber']}
          />
          <TextInput
            label={t('office.reception.representativeName')}
            required
            autoComplete="off"
            value={representative.fullName}
            onChange={(e) => setRep({ fullName: e.currentTarget.value })}
            error={errors['representative.fullName']}
          />
          <TextInput
            label={t('office.reception.authorization')}
            required
            autoComplete="off"
            value={representative.authorization}
            onChange={(e) => setRep({ authorization: e.currentTarget.value })}
            error={errors['representative.authorization']}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
