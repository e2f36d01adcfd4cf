import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Code, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saveTemplate, type NotificationTemplate } from '../../../api/notify.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useLang } from '../../../shared/useLang.ts';

/** /admin/notifications: the message templates, one card per event kind and channel. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiData<NotificationTemplate[]>('/api/notifications/templates');
  return (
    <Stack gap="md">
      <Title order={2}>{t('notify.templates.title')}</Title>
      <ProblemAlert error={error} />
      {data?.map((tpl) => <TemplateCard key={`${tpl.kind}/${tpl.channel}`} template={tpl} onSaved={reload} />)}
    </Stack>
  );
}

function TemplateCard({ template, onSaved }: { template: NotificationTemplate; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [unaccented, setUnaccented] = useState(template.unaccentedBody ?? '');
  const [enabled, setEnabled] = useState(template.enabled);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save() {
    setError(null);
    setSaved(false);
    try {
      await saveTemplate(template.kind, template.channel, { ...(template.channel === 'email' ? { subject: subject || null } : {}), body, unaccentedBody: template.channel === 'sms' ? unaccented || null : null, enabled });
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Card withBorder data-template={`${template.kind}/${template.channel}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={template.channel === 'sms' ? 'teal' : 'blue'}>{t(`notify.channels.${template.channel}`)}</Badge>
          <Text fw={600}>{template.name[lang]}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('notify.templates.intro', { fields: template.placeholders.map((p) => `{{${p}}}`).join(', ') })}
        </Text>
        {template.channel === 'email' && <TextInput label={t('notify.templates.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />}
        <Textarea label={t('notify.templates.body')} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        {template.channel === 'sms' && <Textarea label={t('notify.templates.unaccented')} autosize minRows={1} value={unaccented} onChange={(e) => setUnaccented(e.currentTarget.value)} />}
        <Checkbox label={t('notify.templates.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Text size="sm">{t('notify.templates.preview')}:</Text>
        <Code block>{template.preview}</Code>
        <ProblemAlert error={error} />
        {saved && <Alert color="green">{t('notify.templates.saved')}</Alert>}
        <Group>
          <Button onClick={save}>{t('notify.templates.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
