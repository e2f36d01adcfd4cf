import { Stack } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../shared/NotFoundPage.tsx';
import { CatalogAdminNav } from './CatalogAdminNav.tsx';
import { CatalogAdminList } from './CatalogAdminList.tsx';
import { ImportReportPage } from './ImportReportPage.tsx';
import { ImportsPage } from './ImportsPage.tsx';
import { ProcedureAdminPage } from './ProcedureAdminPage.tsx';
import { SynonymsPage } from './SynonymsPage.tsx';

/**
 * /admin/catalog/*: the procedure catalog's administration (one chunk). Procedures (search, edit into
 * a new version, history), the search's synonyms, and imports of the national portal's files.
 */
export function CatalogAdmin() {
  return (
    <Stack gap="md">
      <CatalogAdminNav />
      <Routes>
        <Route index element={<CatalogAdminList />} />
        <Route path="procedures/:code" element={<ProcedureAdminPage />} />
        <Route path="synonyms" element={<SynonymsPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="imports/:id" element={<ImportReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
