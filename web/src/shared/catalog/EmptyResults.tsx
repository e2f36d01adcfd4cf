import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface EmptyResultsProps {
  hasFilters: boolean;
  onClearFilters: () => void;
  /** Links to the browse pages (the portal has them; the admin list does not need them). */
  browseLinks?: boolean;
}

/** Nothing found: what to try next. */
export function EmptyResults({ hasFilters, onClearFilters, browseLinks = true }: EmptyResultsProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" role="status">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('catalog.search.emptyTitle')}
        </Title>
        <Text size="sm">{t('catalog.search.emptyText')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('catalog.search.hintSpelling')}</List.Item>
          <List.Item>{t('catalog.search.hintFewerWords')}</List.Item>
          <List.Item>{t('catalog.search.hintCode')}</List.Item>
          {hasFilters && <List.Item>{t('catalog.search.hintFilters')}</List.Item>}
        </List>
        {hasFilters && (
          <Button variant="light" onClick={onClearFilters} w="fit-content">
            {t('catalog.search.clearFilters')}
          </Button>
        )}
        {browseLinks && (
          <Text size="sm">
            {t('catalog.search.orBrowse')}{' '}
            <Anchor component={Link} to="/thu-tuc/linh-vuc">
              {t('catalog.browse.byField')}
            </Anchor>
            {' · '}
            <Anchor component={Link} to="/thu-tuc/co-quan">
              {t('catalog.browse.byAgency')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
