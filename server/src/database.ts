import type { Kysely, Transaction } from 'kysely';
import type { AuditTables } from './modules/audit/audit.tables.ts';
import type { CatalogTables } from './modules/catalog/catalog.tables.ts';
import type { CalendarTables } from './modules/calendar/calendar.tables.ts';
import type { DossiersTables } from './modules/dossiers/dossiers.tables.ts';
import type { DocumentsTables } from './modules/documents/documents.tables.ts';
import type { QueueTables } from './modules/queue/queue.tables.ts';
import type { ReportsTables } from './modules/reports/reports.tables.ts';
import type { UnitsTables } from './modules/units/units.tables.ts';
import type { UsersTables } from './modules/users/users.tables.ts';
import type { CitizensTables } from './modules/citizens/citizens.tables.ts';
import type { EformsTables } from './modules/eforms/eforms.tables.ts';

/** Every table, as the query builder sees it: each module declares its own in `<module>.tables.ts`. */
export interface Database extends UnitsTables, UsersTables, AuditTables, CalendarTables, CatalogTables, DossiersTables, DocumentsTables, QueueTables, CitizensTables, EformsTables, ReportsTables {}
import type { NotificationsTables } from './modules/notifications/notifications.tables.ts';
import type { RatingsTables } from './modules/ratings/ratings.tables.ts';
import type { PetitionsTables } from './modules/petitions/petitions.tables.ts';

/** Every table, as the query builder sees it: each module declares its own in `<module>.tables.ts`. */
export interface Database extends UnitsTables, UsersTables, AuditTables, CalendarTables, CatalogTables, DossiersTables,
    NotificationsTables, RatingsTables, PetitionsTables {}

export type Db = Kysely<Database>;
/** A query runner that may or may not be inside a transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;
