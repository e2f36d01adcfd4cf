import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { MainLayout } from './shared/MainLayout.tsx';
import { NotFoundPage } from './shared/NotFoundPage.tsx';
import { PageLoader } from './shared/PageLoader.tsx';

/**
 * One route tree per audience. Each app is its own chunk, fetched when first opened: a kiosk never
 * downloads the admin forms, and the portal never the staff apps.
 */
export const routes: RouteObject[] = [
  {
    element: <MainLayout />,
    HydrateFallback: PageLoader,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./apps/portal/PortalHome.tsx')).PortalHome }) },
      { path: 'tra-cuu/:code', lazy: async () => ({ Component: (await import('./apps/portal/documents/StatusPage.tsx')).StatusPage }) },
      { path: 'xac-minh/:token?', lazy: async () => ({ Component: (await import('./apps/portal/documents/VerifyPage.tsx')).VerifyPage }) },
      { path: 'lay-so', lazy: async () => ({ Component: (await import('./apps/portal/queue/BookingPage.tsx')).BookingPage }) },
      { path: 'thu-tuc/*', lazy: async () => ({ Component: (await import('./apps/portal/catalog/CatalogRoutes.tsx')).CatalogRoutes }) },
      { path: 'dang-nhap', lazy: async () => ({ Component: (await import('./apps/portal/citizen/CitizenLoginPage.tsx')).CitizenLoginPage }) },
      { path: 'nop-truc-tuyen/:code', lazy: async () => ({ Component: (await import('./apps/portal/citizen/SubmitPage.tsx')).SubmitPage }) },
      { path: 'ho-so-cua-toi/*', lazy: async () => ({ Component: (await import('./apps/portal/citizen/CitizenRoutes.tsx')).CitizenRoutes }) },
      { path: 'sandbox/inbox', lazy: async () => ({ Component: (await import('./apps/portal/notify/SandboxInboxPage.tsx')).SandboxInboxPage }) },
      { path: 'danh-gia/:code', lazy: async () => ({ Component: (await import('./apps/portal/notify/RatingPage.tsx')).RatingPage }) },
      { path: 'phan-anh', lazy: async () => ({ Component: (await import('./apps/portal/petitions/PetitionSendPage.tsx')).PetitionSendPage }) },
      { path: 'phan-anh/:code', lazy: async () => ({ Component: (await import('./apps/portal/petitions/PetitionFollowPage.tsx')).PetitionFollowPage }) },
      {
        path: 'office',
        lazy: async () => ({ Component: (await import('./apps/office/OfficeApp.tsx')).OfficeApp }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./apps/office/OfficeHome.tsx')).OfficeHome }) },
          { path: 'receive', lazy: async () => ({ Component: (await import('./apps/office/reception/ReceptionPage.tsx')).ReceptionPage }) },
          { path: 'queue', lazy: async () => ({ Component: (await import('./apps/office/queue/QueuePage.tsx')).QueuePage }) },
          { path: 'counter', lazy: async () => ({ Component: (await import('./apps/office/counter/CounterPage.tsx')).CounterPage }) },
          { path: 'queue-stats', lazy: async () => ({ Component: (await import('./apps/office/queueStats/QueueStatsPage.tsx')).QueueStatsPage }) },
          { path: 'dashboard', lazy: async () => ({ Component: (await import('./apps/office/dashboard/DashboardPage.tsx')).DashboardPage }) },
          { path: 'dossiers/:id', lazy: async () => ({ Component: (await import('./apps/office/dossier/DossierPage.tsx')).DossierPage }) },
          { path: 'petitions', lazy: async () => ({ Component: (await import('./apps/office/petitions/PetitionsPage.tsx')).PetitionsPage }) },
          { path: 'petitions/:id', lazy: async () => ({ Component: (await import('./apps/office/petitions/PetitionPage.tsx')).PetitionPage }) },
        ],
      },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./apps/admin/AdminApp.tsx')).AdminApp }),
        children: [
          { index: true, element: <Navigate to="units" replace /> },
          { path: 'units', lazy: async () => ({ Component: (await import('./apps/admin/UnitsPage.tsx')).UnitsPage }) },
          { path: 'staff', lazy: async () => ({ Component: (await import('./apps/admin/StaffPage.tsx')).StaffPage }) },
          { path: 'calendar', lazy: async () => ({ Component: (await import('./apps/admin/calendar/CalendarPage.tsx')).CalendarPage }) },
          { path: 'papers', lazy: async () => ({ Component: (await import('./apps/admin/documents/PaperTemplatesPage.tsx')).PaperTemplatesPage }) },
          { path: 'queue', lazy: async () => ({ Component: (await import('./apps/admin/queue/QueueAdminPage.tsx')).QueueAdminPage }) },
          { path: 'catalog/*', lazy: async () => ({ Component: (await import('./apps/admin/catalog/CatalogAdmin.tsx')).CatalogAdmin }) },
          { path: 'eforms', lazy: async () => ({ Component: (await import('./apps/admin/EformsAdminPage.tsx')).EformsAdminPage }) },
          { path: 'notifications', lazy: async () => ({ Component: (await import('./apps/admin/notifications/TemplatesPage.tsx')).TemplatesPage }) },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
  { path: 'kiosk', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/kiosk/KioskApp.tsx')).KioskApp }) },
  { path: 'kiosk/ticket/:id', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/kiosk/TicketPrint.tsx')).TicketPrint }) },
  { path: 'display/:centre', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/display/DisplayApp.tsx')).DisplayApp }) },
  { path: 'display', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/display/DisplayApp.tsx')).DisplayApp }) },
];

export const router = createBrowserRouter(routes);
