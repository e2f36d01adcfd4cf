import { useState, type FormEvent } from 'react';
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { fieldErrorsOf } from '../problems.ts';
import { useLang } from '../useLang.ts';
import { useSession } from './useSession.ts';

export function LoginForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (failure) {
      setError(failure);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <Paper withBorder shadow="sm" p="xl" maw={440} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('auth.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('auth.intro')}
          </Text>
          <ProblemAlert error={error} formFields={['username', 'password']} />
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fieldErrors.username}
            withAsterisk
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            aria-invalid={fieldErrors.password ? true : undefined}
            withAsterisk
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
