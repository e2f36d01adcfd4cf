import { useState } from 'react';
import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Code + lookup secret from the receipt → the public status page /tra-cuu/:code?k=<secret>. */
export function LookupCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim() && secret.trim()) navigate(`/tra-cuu/${encodeURIComponent(code.trim())}?k=${encodeURIComponent(secret.trim().toUpperCase())}`);
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('citizen.lookup.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('citizen.lookup.intro')}
          </Text>
          <TextInput label={t('citizen.lookup.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required autoCapitalize="characters" />
          <TextInput label={t('citizen.lookup.secret')} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} required autoCapitalize="characters" />
          <Button type="submit">{t('citizen.lookup.submit')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
