import 'i18next';
import type { CatalogMessages } from './catalog.vi.ts';
import type { DocumentsMessages } from './documents.vi.ts';
import type { CitizenMessages } from './citizen.vi.ts';
import type { Messages } from './vi.ts';
import type { QueueMessages } from './queue.vi.ts';
import type { NotifyMessages } from './notify.vi.ts';
import type { ReportsMessages } from './reports.vi.ts';

// Typed keys: `t('portal.legacy.title')` is checked against the Vietnamese messages at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & CatalogMessages & DocumentsMessages & QueueMessages & CitizenMessages & NotifyMessages & ReportsMessages };
  }
}
