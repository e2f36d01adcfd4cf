import { useEffect, useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sandboxInboxPath, type SandboxMessage } from '../../../api/notify.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useApiData } from '../../../shared/useApiData.ts';

/** /sandbox/inbox: what the sandbox SMS and email gateways delivered (the demo's phone and mailbox). */
export function SandboxInboxPage() {
  const { t } = useTranslation();
  const [recipient, setRecipient] = useState('');
  const [channel, setChannel] = useState('');
  const { data, error, reload } = useApiData<SandboxMessage[]>(sandboxInboxPath(recipient, channel));
  // Like a phone: new messages show up by themselves.
  useEffect(() => {
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <Stack gap="md">
      <Title order={2}>{t('notify.inbox.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('notify.inbox.intro')}
      </Text>
      <Group align="end">
        <TextInput label={t('notify.inbox.recipient')} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} w={320} />
        <SegmentedControl
          value={channel}
          onChange={setChannel}
          data={[
            { value: '', label: t('notify.inbox.all') },
            { value: 'sms', label: t('notify.channels.sms') },
            { value: 'email', label: t('notify.channels.email') },
          ]}
        />
        <Button variant="default" onClick={reload}>
          {t('notify.inbox.refresh')}
        </Button>
      </Group>
      <ProblemAlert error={error} />
      {data && data.length === 0 && <Text>{t('notify.inbox.empty')}</Text>}
      <Stack gap="sm" aria-label={t('notify.inbox.title')} role="list">
        {data?.map((m) => (
          <Card key={m.id} withBorder role="listitem" data-channel={m.channel}>
            <Group gap="xs" mb={4}>
              <Badge color={m.channel === 'sms' ? 'teal' : 'blue'}>{t(`notify.channels.${m.channel}`)}</Badge>
              <Text size="sm">
                {t('notify.inbox.to')}: {m.recipient}
              </Text>
              <Text size="sm" c="dimmed">
                {t('notify.inbox.at')}: {formatDateTime(m.receivedAt)}
              </Text>
            </Group>
            {m.subject && <Text fw={600}>{m.subject}</Text>}
            <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
