import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../shared/NotFoundPage.tsx';
import { MyDossierPage } from './MyDossierPage.tsx';
import { MyDossiersPage } from './MyDossiersPage.tsx';

/** /ho-so-cua-toi/*: the citizen's dossiers. */
export function CitizenRoutes() {
  return (
    <Routes>
      <Route index element={<MyDossiersPage />} />
      <Route path=":id" element={<MyDossierPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
