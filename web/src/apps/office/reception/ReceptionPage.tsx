import { useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import type { DossierDetail } from '../../../api/dossiers.ts';
import { unitPaths } from '../../../api/units.ts';
import { PageLoader } from '../../../shared/PageLoader.tsx';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useSignedInUser } from '../../../shared/session/useSession.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { counterUnits } from '../officeRoles.ts';
import { ReceptionForm } from './ReceptionForm.tsx';
import { ReceptionResult } from './ReceptionResult.tsx';
import { OnlineSubmissionsPanel } from './OnlineSubmissionsPanel.tsx';

/** /office/receive: the counter's reception form, then the receipt's facts, then a fresh form. */
export function ReceptionPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const counters = counterUnits(user);
  const units = useApiData<Unit[]>(unitPaths.publicUnits);
  const [result, setResult] = useState<DossierDetail | null>(null);
  const [formNumber, setFormNumber] = useState(0);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('office.reception.title')}</Title>
        {!result && (
          <Text size="sm" c="dimmed">
            {t('office.reception.intro')}
          </Text>
        )}
      </div>
      {counters.length > 0 && !result && <OnlineSubmissionsPanel />}
      {counters.length === 0 ? (
        <Alert color="orange" variant="light">
          {t('office.reception.notCounterOfficer')}
        </Alert>
      ) : result ? (
        <ReceptionResult
          dossier={result}
          onNext={() => {
            setResult(null);
            setFormNumber((n) => n + 1);
          }}
        />
      ) : units.data ? (
        <ReceptionForm key={formNumber} counters={counters} units={units.data} onDone={setResult} />
      ) : (
        <>
          <ProblemAlert error={units.error} onRetry={units.reload} />
          {units.loading && <PageLoader />}
        </>
      )}
    </Stack>
  );
}
