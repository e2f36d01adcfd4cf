import type { AppContext } from './context.ts';
import { createHttpApp } from './platform/http.ts';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.ts';
import { registerDossierRoutes } from './modules/dossiers/dossiers.routes.ts';
import { registerDocumentRoutes } from './modules/documents/documents.routes.ts';
import { registerFileRoutes } from './modules/files/files.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerQueueRoutes } from './modules/queue/queue.routes.ts';
import { registerReportRoutes } from './modules/reports/reports.routes.ts';
import { registerUnitRoutes } from './modules/units/units.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerCitizenRoutes } from './modules/citizens/citizens.routes.ts';
import { registerEformRoutes } from './modules/eforms/eforms.routes.ts';
import { registerOnlineSubmissionRoutes } from './modules/dossiers/dossiers.online.routes.ts';
import { registerNotifications } from './modules/notifications/notifications.routes.ts';
import { registerRatingRoutes } from './modules/ratings/ratings.routes.ts';
import { registerPetitionRoutes } from './modules/petitions/petitions.routes.ts';

/** The HTTP application with every module's routes; listening is the caller's business. */
export async function buildApp(ctx: AppContext) {
  const app = await createHttpApp({ logLevel: ctx.config.LOG_LEVEL, webDistDir: ctx.config.WEB_DIST_DIR, trustProxy: ctx.config.TRUST_PROXY });
  registerHealthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerUnitRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerDossierRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerQueueRoutes(app, ctx);
  registerCitizenRoutes(app, ctx);
  registerEformRoutes(app, ctx);
  registerOnlineSubmissionRoutes(app, ctx);
  registerNotifications(app, ctx);
  registerRatingRoutes(app, ctx);
  registerPetitionRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  await app.ready();
  return app;
}
