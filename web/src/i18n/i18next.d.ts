import 'i18next';
import type { CatalogMessages } from './catalog.vi.ts';
import type { Messages } from './vi.ts';
import type { ReportsMessages } from './reports.vi.ts';

// Typed keys: `t('portal.legacy.title')` is checked against the Vietnamese messages at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & CatalogMessages & ReportsMessages };
  }
}
