import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../shared/NotFoundPage.tsx';
import { FacetBrowsePage } from './FacetBrowsePage.tsx';
import { ProcedurePage } from './ProcedurePage.tsx';
import { ProcedureSearchPage } from './ProcedureSearchPage.tsx';

/** /thu-tuc/*: the portal's procedure catalog (one chunk): search, browse by field or agency, a procedure. */
export function CatalogRoutes() {
  return (
    <Routes>
      <Route index element={<ProcedureSearchPage />} />
      <Route path="linh-vuc" element={<FacetBrowsePage facet="fields" />} />
      <Route path="co-quan" element={<FacetBrowsePage facet="agencies" />} />
      <Route path=":code" element={<ProcedurePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
