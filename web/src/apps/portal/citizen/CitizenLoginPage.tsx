import { useState } from 'react';
import { Anchor, Button, Card, Divider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { citizenApi } from './citizenApi.ts';
import { signedInAs, useCitizen } from './useCitizen.ts';

const safeNext = (value: string | null) => (value && /^\/(?![/\\])/.test(value) ? value : '/ho-so-cua-toi');

/** /dang-nhap: the national e-ID first; a phone number and a one-time code as the fallback. */
export function CitizenLoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { state } = useCitizen();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ minutes: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'signedIn') return <Navigate to={next} replace />;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={480} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('citizen.login.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('citizen.login.intro')}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Button component="a" href={`/api/citizen/auth/eid/start?returnTo=${encodeURIComponent(next)}`} size="md" color="red.8" fullWidth>
            {t('citizen.login.eid')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('citizen.login.eidHint')}
          </Text>
        </Stack>
      </Card>
      <Divider label={t('citizen.login.or')} />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <TextInput label={t('citizen.login.phone')} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
          {!sent ? (
            <Button variant="light" loading={busy} onClick={() => void run(async () => setSent({ minutes: (await citizenApi.requestCode(phone)).expiresInMinutes }))}>
              {t('citizen.login.sendCode')}
            </Button>
          ) : (
            <>
              <Text size="sm">{t('citizen.login.codeSent', { phone, minutes: sent.minutes })}</Text>
              <Anchor href={`/api/sandbox/sms?phone=${encodeURIComponent(phone.replace(/[\s.-]/g, ''))}`} target="_blank" size="xs">
                {t('citizen.login.sandboxSms')}
              </Anchor>
              <TextInput label={t('citizen.login.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Button
                loading={busy}
                onClick={() =>
                  void run(async () => {
                    const session = await citizenApi.verifyCode(phone, code);
                    signedInAs(session.citizen, session.csrfToken);
                  })
                }
              >
                {t('citizen.login.verify')}
              </Button>
            </>
          )}
          <ProblemAlert error={error} />
        </Stack>
      </Card>
    </Stack>
  );
}
