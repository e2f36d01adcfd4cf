import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sendPetition, type PetitionReceiptView } from '../../../api/petitions.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useLang } from '../../../shared/useLang.ts';

const SUBJECTS = ['procedure', 'regulation', 'conduct', 'other'] as const;

/** /phan-anh: send feedback or a petition without login; the answer is a code and a secret to follow it. */
export function PetitionSendPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [key] = useState(() => `web-${crypto.randomUUID()}`);
  const [form, setForm] = useState({ subjectKind: 'procedure', title: '', content: '', dossierCode: '', fullName: '', phone: '', email: '', address: '' });
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<PetitionReceiptView | null>(null);
  const errorsByField = fieldErrorsOf(error, lang);
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const text = (name: keyof typeof form) => ({ value: form[name], onChange: (e: { currentTarget: { value: string } }) => set(name)(e.currentTarget.value) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const blank = (s: string) => (s.trim() ? s.trim() : null);
    try {
      setReceipt(
        await sendPetition({
          idempotencyKey: key,
          subjectKind: form.subjectKind,
          title: form.title,
          content: form.content,
          dossierCode: blank(form.dossierCode),
          petitioner: { fullName: form.fullName, phone: blank(form.phone), email: blank(form.email), address: blank(form.address) },
        }),
      );
    } catch (failure) {
      setError(failure);
    }
  }

  if (receipt)
    return (
      <Paper withBorder p="lg" maw={720}>
        <Stack>
          <Alert color="green" title={t('notify.petitions.sent')}>
            <Text data-testid="petition-receipt">{t('notify.petitions.sentDetail', { code: receipt.code, secret: receipt.secret, due: formatDateTime(receipt.answerDueAt) })}</Text>
          </Alert>
          <Anchor component={Link} to={`/phan-anh/${receipt.code}?k=${receipt.secret}`}>
            {t('notify.petitions.follow')}
          </Anchor>
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2}>{t('notify.petitions.sendTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('notify.petitions.sendIntro')}
          </Text>
          <Select label={t('notify.petitions.subjectKind')} data={SUBJECTS.map((s) => ({ value: s, label: t(`notify.petitions.subjects.${s}`) }))} value={form.subjectKind} onChange={(v) => v && set('subjectKind')(v)} allowDeselect={false} />
          <TextInput label={t('notify.petitions.titleField')} required {...text('title')} error={errorsByField.title} />
          <Textarea label={t('notify.petitions.content')} required autosize minRows={4} {...text('content')} error={errorsByField.content} />
          <TextInput label={t('notify.petitions.dossierCode')} {...text('dossierCode')} error={errorsByField.dossierCode} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('notify.petitions.fullName')} required {...text('fullName')} error={errorsByField['petitioner.fullName']} />
            <TextInput label={t('notify.petitions.phone')} {...text('phone')} error={errorsByField['petitioner.phone']} />
            <TextInput label={t('notify.petitions.email')} {...text('email')} error={errorsByField['petitioner.email']} />
            <TextInput label={t('notify.petitions.address')} {...text('address')} error={errorsByField['petitioner.address']} />
          </SimpleGrid>
          <ProblemAlert error={error} formFields={['title', 'content', 'dossierCode', 'petitioner']} />
          <Button type="submit">{t('notify.petitions.send')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
