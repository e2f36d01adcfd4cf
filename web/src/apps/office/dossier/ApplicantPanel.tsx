import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commune } from '@motcua/core/units/schemas.ts';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { FactItem } from '../FactItem.tsx';

interface ApplicantPanelProps {
  dossier: DossierDetail;
  /** The province's communes, to name the address's commune code. */
  communes: Commune[];
}

type PersonRecord = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** The applicant (and representative) as received; personal data, shown to the officers handling the dossier. */
export function ApplicantPanel({ dossier, communes }: ApplicantPanelProps) {
  const { t } = useTranslation();
  function addressOf(person: PersonRecord): string | null {
    const address = person['address'] as { communeCode?: string; detail?: string } | null | undefined;
    if (!address) return null;
    const commune = communes.find((c) => c.code === address.communeCode)?.name ?? address.communeCode;
    return [address.detail, commune].filter(Boolean).join(', ');
  }
  function facts(person: PersonRecord) {
    const rows: [string, string | null][] = [
      [t('dossier.fullName'), text(person['fullName'])],
      [t('dossier.idNumber'), text(person['idNumber'])],
      [t('dossier.phone'), text(person['phone'])],
      [t('dossier.email'), text(person['email'])],
      [t('dossier.address'), addressOf(person)],
      [t('dossier.authorization'), text(person['authorization'])],
    ];
    return (
      <SimpleGrid component="dl" cols={1} spacing={6} m={0}>
        {rows
          .filter((row): row is [string, string] => row[1] !== null)
          .map(([label, value]) => (
            <FactItem key={label} label={label}>
              {value}
            </FactItem>
          ))}
      </SimpleGrid>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-applicant">
      <Stack gap="sm">
        <Title order={3} size="h4" id="dossier-applicant">
          {t('dossier.applicantTitle')}
        </Title>
        {facts(dossier.applicant)}
        {dossier.representative && (
          <>
            <Title order={4} size="h5">
              {t('dossier.representativeTitle')}
            </Title>
            {facts(dossier.representative)}
          </>
        )}
      </Stack>
    </Paper>
  );
}
