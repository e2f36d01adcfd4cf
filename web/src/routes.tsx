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
      { path: 'thu-tuc/*', lazy: async () => ({ Component: (await import('./apps/portal/catalog/CatalogRoutes.tsx')).CatalogRoutes }) },
      {
        path: 'office',
        lazy: async () => ({ Component: (await import('./apps/office/OfficeApp.tsx')).OfficeApp }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./apps/office/OfficeHome.tsx')).OfficeHome }) },
          { path: 'receive', lazy: async () => ({ Component: (await import('./apps/office/reception/ReceptionPage.tsx')).ReceptionPage }) },
          { path: 'queue', lazy: async () => ({ Component: (await import('./apps/office/queue/QueuePage.tsx')).QueuePage }) },
          { path: 'dashboard', lazy: async () => ({ Component: (await import('./apps/office/dashboard/DashboardPage.tsx')).DashboardPage }) },
          { path: 'dossiers/:id', lazy: async () => ({ Component: (await import('./apps/office/dossier/DossierPage.tsx')).DossierPage }) },
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
          { path: 'catalog/*', lazy: async () => ({ Component: (await import('./apps/admin/catalog/CatalogAdmin.tsx')).CatalogAdmin }) },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
  { path: 'kiosk', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/kiosk/KioskApp.tsx')).KioskApp }) },
  { path: 'display', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('./apps/display/DisplayApp.tsx')).DisplayApp }) },
];

export const router = createBrowserRouter(routes);
