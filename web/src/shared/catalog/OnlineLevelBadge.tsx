import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OnlineLevel } from './catalogValues.ts';

const COLORS: Record<OnlineLevel, string> = { fully_online: 'green', partly_online: 'blue', information: 'gray' };

/** Fully online (green), partly online (blue), information only (grey); nothing when the catalog does not say. */
export function OnlineLevelBadge({ level, size = 'md' }: { level: OnlineLevel | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Badge color={COLORS[level]} variant={level === 'information' ? 'outline' : 'light'} size={size} data-online-level={level}>
      {t(`catalog.onlineLevels.${level}`)}
    </Badge>
  );
}
