import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { queueApi, queuePaths, type CounterDesk, type QueueSetup } from '../../../api/queue.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useSignedInUser } from '../../../shared/session/useSession.ts';
import { useApiData } from '../../../shared/useApiData.ts';
import { counterUnits } from '../officeRoles.ts';

/** /office/counter: sign in at a counter, call tickets, serve them, link the dossier received. */
export function CounterPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const centre = counterUnits(user)[0] ?? null;
  const setup = useApiData<QueueSetup>(centre ? queuePaths.setup(centre.id) : null);
  const mine = setup.data?.counters.find((c) => c.officer?.id === user.id) ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const [desk, setDesk] = useState<CounterDesk | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dossierCode, setDossierCode] = useState('');
  const [transferGroup, setTransferGroup] = useState<string | null>(null);
  const [transferCounter, setTransferCounter] = useState<string | null>(null);
  const counterId = desk?.counter.id ?? mine?.id ?? null;

  async function load(id: string) {
    setDesk(await api.get<CounterDesk>(queuePaths.desk(id)));
  }
  useEffect(() => {
    if (mine && !desk) void load(mine.id).catch(setError);
  }, [mine?.id]);
  // The line changes as the kiosk issues tickets: refresh it every few seconds while at the counter.
  useEffect(() => {
    if (!desk?.counter.id) return;
    const id = desk.counter.id;
    const timer = setInterval(() => void load(id).catch(() => {}), 5000);
    return () => clearInterval(timer);
  }, [desk?.counter.id]);

  async function run(action: () => Promise<unknown>, after?: (result: any) => void) {
    setError(null);
    setMessage(null);
    try {
      const result = await action();
      after?.(result);
      if (counterId) await load(counterId);
    } catch (e) {
      setError(e);
    }
  }

  if (!centre) return <Text>{t('queue.counterPage.noCentre')}</Text>;
  const current = desk?.current ?? null;
  const groupName = (id: string) => desk?.groups.find((g) => g.id === id)?.name ?? '';
  return (
    <Stack gap="md">
      <Title order={2}>{t('queue.counterPage.title')}</Title>
      <ProblemAlert error={error ?? setup.error} />
      {!desk || !desk.counter.officer || desk.counter.officer.id !== user.id ? (
        <Paper withBorder p="md">
          <Group align="flex-end">
            <Select
              label={t('queue.counterPage.chooseCounter')}
              data={(setup.data?.counters ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.officer ? `${c.name} (${c.officer.name})` : c.name }))}
              value={chosen}
              onChange={setChosen}
              w={360}
            />
            <Button disabled={!chosen} onClick={() => void run(() => queueApi.signIn(chosen!), (d) => setDesk(d))}>
              {t('queue.counterPage.signIn')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <>
          <Group justify="space-between">
            <Text fw={600}>{t('queue.counterPage.signedInAt', { name: desk.counter.name })}</Text>
            <Button variant="default" onClick={() => void run(() => queueApi.signOut(desk.counter.id), () => { setDesk(null); setup.reload(); })}>
              {t('queue.counterPage.signOut')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="counter-current">
              <Title order={3} id="counter-current" mb="sm">
                {t('queue.counterPage.current')}
              </Title>
              {current ? (
                <Stack gap="xs">
                  <Group>
                    <Text fz={48} fw={800} ff="monospace" data-testid="counter-current-number">
                      {current.number}
                    </Text>
                    <Stack gap={2}>
                      <Badge>{t(`queue.statuses.${current.status}`)}</Badge>
                      {current.priority !== 'none' && <Badge color="orange">{t(`queue.priorities.${current.priority}`)}</Badge>}
                    </Stack>
                  </Group>
                  <Text>{current.group.name}</Text>
                  <Group>
                    {current.status === 'called' && (
                      <>
                        <Button variant="light" onClick={() => void run(() => queueApi.act(current.id, 'recall'))}>{t('queue.counterPage.recall')}</Button>
                        <Button onClick={() => void run(() => queueApi.act(current.id, 'start'))}>{t('queue.counterPage.start')}</Button>
                        <Button color="gray" onClick={() => void run(() => queueApi.act(current.id, 'no-show'))}>{t('queue.counterPage.noShow')}</Button>
                      </>
                    )}
                    <Button color="green" onClick={() => void run(() => queueApi.act(current.id, 'finish'))}>{t('queue.counterPage.finish')}</Button>
                  </Group>
                  <Group align="flex-end">
                    <Select label={t('queue.counterPage.transferGroup')} data={desk.groups.filter((g) => g.active && g.id !== current.group.id).map((g) => ({ value: g.id, label: `${g.prefix} — ${g.name}` }))} value={transferGroup} onChange={(v) => (setTransferGroup(v), setTransferCounter(null))} clearable />
                    <Select label={t('queue.counterPage.transferCounter')} data={desk.counters.filter((c) => c.id !== desk.counter.id).map((c) => ({ value: c.id, label: c.name }))} value={transferCounter} onChange={(v) => (setTransferCounter(v), setTransferGroup(null))} clearable />
                    <Button variant="default" disabled={!transferGroup && !transferCounter} onClick={() => void run(() => queueApi.transfer(current.id, transferGroup ? { groupId: transferGroup } : { counterId: transferCounter! }))}>
                      {t('queue.counterPage.transfer')}
                    </Button>
                  </Group>
                  <Group align="flex-end">
                    <TextInput label={t('queue.counterPage.dossierCode')} value={dossierCode} onChange={(e) => setDossierCode(e.currentTarget.value)} w={300} />
                    <Button variant="default" disabled={!dossierCode.trim()} onClick={() => void run(() => queueApi.linkDossier(current.id, dossierCode.trim()), (tk) => setMessage(t('queue.counterPage.linked', { code: tk.dossierCode })))}>
                      {t('queue.counterPage.link')}
                    </Button>
                  </Group>
                  {current.dossierCode && <Text size="sm">{t('queue.counterPage.linked', { code: current.dossierCode })}</Text>}
                </Stack>
              ) : (
                <Stack>
                  <Text c="dimmed">{t('queue.counterPage.noCurrent')}</Text>
                  <Button size="lg" onClick={() => void run(() => queueApi.callNext(desk.counter.id), (r) => !r.ticket && setMessage(t('queue.counterPage.nobodyWaiting')))}>
                    {t('queue.counterPage.callNext')}
                  </Button>
                </Stack>
              )}
              {message && <Text mt="sm" role="status">{message}</Text>}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="counter-waiting">
              <Title order={3} id="counter-waiting" mb="sm">
                {t('queue.counterPage.waitingList', { count: desk.waiting.length })}
              </Title>
              <Table>
                <Table.Tbody>
                  {desk.waiting.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td ff="monospace" fw={700}>{w.number}</Table.Td>
                      <Table.Td>{groupName(w.groupId)}</Table.Td>
                      <Table.Td>{w.priority !== 'none' && <Badge color="orange">{t(`queue.priorities.${w.priority}`)}</Badge>}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" disabled={Boolean(current)} onClick={() => void run(() => queueApi.call(desk.counter.id, w.id))} aria-label={`${t('queue.counterPage.call')} ${w.number}`}>
                          {t('queue.counterPage.call')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
