import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { searchOf } from '../../shared/catalog/useSearchFilters.ts';

/** The portal home's way into the catalog: a search box that opens /thu-tuc?q=…, and the browse pages. */
export function ProcedureSearchCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="procedure-search-title">
      <Stack gap="sm">
        <Title order={3} id="procedure-search-title">
          {t('catalog.home.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalog.home.text')}
        </Text>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void navigate(`/thu-tuc${searchOf({ q: q.trim() })}`);
          }}
        >
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <TextInput
              type="search"
              label={t('catalog.search.box')}
              placeholder={t('catalog.search.boxPlaceholder')}
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              enterKeyHint="search"
              style={{ flex: 1 }}
            />
            <Button type="submit">{t('catalog.home.submit')}</Button>
          </Group>
        </form>
        <Group gap="md">
          <Anchor component={Link} to="/thu-tuc" size="sm">
            {t('catalog.home.all')}
          </Anchor>
          <Anchor component={Link} to="/thu-tuc/linh-vuc" size="sm">
            {t('catalog.browse.byField')}
          </Anchor>
          <Anchor component={Link} to="/thu-tuc/co-quan" size="sm">
            {t('catalog.browse.byAgency')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
