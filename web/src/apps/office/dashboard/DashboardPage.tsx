import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FiguresResult } from '@motcua/core/reports/schemas.ts';
import { api } from '../../../api/client.ts';
import { EChart } from './EChart.tsx';
import './dashboard.css';

type Lang = 'vi' | 'en';
type Line = { id: string; code: string | null; procedureName: string; holdingUnit: string | null; officer: string | null; daysLate: number | null; reason: string | null; apologyIssued: boolean; dueAt: string | null; timeliness: string | null };
type Index = { total: number; availableMax: number; indicators: { id: string; label: Record<Lang, string>; formula: Record<Lang, string>; points: number; pointsConfidence: string; available: boolean; numerator: number | null; denominator: number | null; score: number | null }[] };

type UnitRow = { id: string; name: string; parentId: string | null };

/** The units in reach in tree order (a parent before its children), each with its depth below the top. */
function unitTree(units: UnitRow[]): { unit: UnitRow; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, UnitRow[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitRow; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The supervisor's dashboard (/office/dashboard): figures with formulas, charts, late dossiers, the QĐ 766 index. Filters live in the URL. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'vi') as Lang;
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<FiguresResult | null>(null);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [drill, setDrill] = useState<{ figure: string; total: number; items: Line[] } | null>(null);
  const [late, setLate] = useState<{ total: number; items: Line[] } | null>(null);
  const [index, setIndex] = useState<Index | null>(null);
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of ['unitId', 'grain', 'at', 'field', 'procedureCode', 'officerId']) if (params.get(k)) q.set(k, params.get(k)!);
    return q.toString();
  }, [params]);
  const figure = params.get('figure');

  useEffect(() => {
    void api.get<UnitRow[]>('/api/units').then(setUnits);
  }, []);
  useEffect(() => {
    void api.get<FiguresResult>(`/api/reports/figures?${query}`).then(setData);
    void api.get<{ total: number; items: Line[] }>(`/api/reports/late?${query}&pageSize=20`).then(setLate);
    const grain = params.get('grain');
    const q = new URLSearchParams();
    if (params.get('unitId')) q.set('unitId', params.get('unitId')!);
    q.set('grain', grain === 'week' || grain === 'month' || grain === 'year' ? grain : 'quarter');
    if (params.get('at')) q.set('at', params.get('at')!);
    void api.get<Index>(`/api/reports/index?${q}`).then(setIndex);
  }, [query]);
  useEffect(() => {
    if (!figure) return setDrill(null);
    void api.get<{ figure: string; total: number; items: Line[] }>(`/api/reports/dossiers?${query}&figure=${figure}&pageSize=100`).then(setDrill);
  }, [query, figure]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'figure') next.delete('figure');
    setParams(next);
  };
  const onTime = data?.figures.find((f) => f.id === 'on_time_rate');
  const tree = useMemo(() => unitTree(units), [units]);
  const lines = (items: Line[]) => (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {(['code', 'procedure', 'unit', 'officer', 'due', 'daysLate', 'reason', 'apology'] as const).map((c) => (
            <Table.Th key={c}>{t(`reports.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor component={Link} to={`/office/dossiers/${d.id}`}>
                {d.code ?? d.id.slice(0, 8)}
              </Anchor>
            </Table.Td>
            <Table.Td>{d.procedureName}</Table.Td>
            <Table.Td>{d.holdingUnit}</Table.Td>
            <Table.Td>{d.officer}</Table.Td>
            <Table.Td>{d.dueAt ? new Date(d.dueAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : ''}</Table.Td>
            <Table.Td>{d.daysLate ?? ''}</Table.Td>
            <Table.Td>{d.reason}</Table.Td>
            <Table.Td>{d.apologyIssued ? t('reports.yes') : t('reports.no')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap="md">
      <Title order={2}>{t('reports.title')}</Title>
      <Group className="dashboard-filters" align="end">
        <Select label={t('reports.unit')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={params.get('unitId')} onChange={(v) => set('unitId', v)} clearable searchable w={360} />
        <Select label={t('reports.grain')} data={(['day', 'week', 'month', 'quarter', 'year'] as const).map((g) => ({ value: g, label: t(`reports.grains.${g}`) }))} value={params.get('grain') ?? 'month'} onChange={(v) => set('grain', v)} w={140} />
        <TextInput label={t('reports.at')} type="date" value={params.get('at') ?? ''} onChange={(e) => set('at', e.currentTarget.value || null)} w={170} />
        <Button component="a" href={`/api/reports/export?${query}&format=xlsx`} variant="light">
          {t('reports.export')} (Excel)
        </Button>
        <Button component="a" href={`/api/reports/export?${query}&format=csv`} variant="subtle">
          CSV
        </Button>
      </Group>
      {data && (
        <>
          <Text c="dimmed">{data.period.label}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} role="list" aria-label={t('reports.title')}>
            {data.figures.map((f) => (
              <Tooltip key={f.id} multiline w={320} label={`${f.formula[lang]} — ${t('reports.count', { count: f.count })}${f.denominator !== null ? ` / ${f.denominator}` : ''}`}>
                <Card withBorder role="listitem" aria-label={f.label[lang]} data-figure={f.id} style={{ cursor: f.available ? 'pointer' : 'default' }} onClick={() => f.available && set('figure', f.id)}>
                  <Text size="xs" c="dimmed">
                    {f.label[lang]}
                  </Text>
                  <Text fw={700} size="xl" data-testid={`figure-${f.id}`}>
                    {f.available ? (f.value ?? '—') + (f.unit === 'percent' && f.value !== null ? ' %' : '') : t('reports.notAvailable')}
                  </Text>
                </Card>
              </Tooltip>
            ))}
          </SimpleGrid>
          {drill && (
            <Card withBorder>
              <Title order={3}>{t('reports.drill', { figure: data.figures.find((f) => f.id === drill.figure)?.label[lang] ?? drill.figure })} ({drill.total})</Title>
              {lines(drill.items)}
            </Card>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} className="dashboard-grid">
            <Card withBorder>
              <EChart
                label={t('reports.trend')}
                option={{
                  title: { text: t('reports.trend'), textStyle: { fontSize: 14 } },
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  xAxis: { type: 'category', data: data.trend.map((p) => p.period.label) },
                  yAxis: { type: 'value' },
                  series: [
                    { name: t('reports.received'), type: 'line', data: data.trend.map((p) => p.received) },
                    { name: t('reports.processed'), type: 'line', data: data.trend.map((p) => p.processed) },
                    { name: t('reports.lateShort'), type: 'bar', data: data.trend.map((p) => p.late) },
                  ],
                }}
              />
            </Card>
            <Card withBorder>
              <EChart
                label={t('reports.onTimeGauge')}
                option={{ title: { text: t('reports.onTimeGauge'), textStyle: { fontSize: 14 } }, series: [{ type: 'gauge', min: 0, max: 100, detail: { formatter: '{value} %' }, data: [{ value: onTime?.value ?? 0 }] }] }}
              />
            </Card>
            <Card withBorder>
              <EChart
                label={t('reports.channels')}
                option={{ title: { text: t('reports.channels'), textStyle: { fontSize: 14 } }, tooltip: {}, series: [{ type: 'pie', radius: '60%', data: data.channels.map((c) => ({ name: t(`reports.channelNames.c${c.channel as 1 | 2 | 3}`), value: c.received })) }] }}
              />
            </Card>
            <Card withBorder>
              <EChart
                label={t('reports.units')}
                option={{
                  title: { text: t('reports.units'), textStyle: { fontSize: 14 } },
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 160 },
                  yAxis: { type: 'category', data: data.units.map((u) => u.name) },
                  xAxis: { type: 'value' },
                  series: [
                    { name: t('reports.onTime'), type: 'bar', stack: 'p', data: data.units.map((u) => u.onTime) },
                    { name: t('reports.lateShort'), type: 'bar', stack: 'p', data: data.units.map((u) => u.late) },
                  ],
                }}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={3}>{t('reports.unitTree')}</Title>
            <ul aria-label={t('reports.unitTree')}>
              {tree.map(({ unit: u, depth }) => {
                const row = data.units.find((x) => x.unitId === u.id);
                return (
                  <li key={u.id} style={{ marginLeft: depth * 16 }}>
                    <Anchor component="button" onClick={() => set('unitId', u.id)} fw={params.get('unitId') === u.id ? 700 : undefined}>
                      {u.name}
                    </Anchor>{' '}
                    {row && row.openOverdue > 0 && <Badge color="red">{row.openOverdue}</Badge>}
                  </li>
                );
              })}
            </ul>
          </Card>
        </>
      )}
      {late && (
        <Card withBorder>
          <Title order={3}>
            {t('reports.late')} ({late.total})
          </Title>
          {lines(late.items)}
        </Card>
      )}
      {index && (
        <Card withBorder>
          <Title order={3}>{t('reports.index')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.indexNote')}
          </Text>
          <Text fw={700}>{t('reports.total', { total: index.total, max: index.availableMax })}</Text>
          <Table withTableBorder>
            <Table.Tbody>
              {index.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.id}</Table.Td>
                  <Table.Td>
                    <Tooltip multiline w={360} label={i.formula[lang]}>
                      <span>{i.label[lang]}</span>
                    </Tooltip>
                    <Text size="xs" c="dimmed">
                      {i.formula[lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.available ? `${i.numerator ?? ''} / ${i.denominator ?? ''}` : t('reports.notAvailable')}</Table.Td>
                  <Table.Td>
                    {i.score ?? '—'} / {i.points} <Badge variant="light">{i.pointsConfidence === 'V' ? t('reports.verified') : t('reports.configurable')}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
