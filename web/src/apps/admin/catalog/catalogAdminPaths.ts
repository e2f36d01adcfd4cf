/** Where the catalog administration's pages live. */
export const catalogAdminPaths = {
  list: '/admin/catalog',
  procedure: (code: string) => `/admin/catalog/procedures/${encodeURIComponent(code)}`,
  history: (code: string) => `/admin/catalog/procedures/${encodeURIComponent(code)}?tab=history`,
  synonyms: '/admin/catalog/synonyms',
  imports: '/admin/catalog/imports',
  importReport: (id: string) => `/admin/catalog/imports/${encodeURIComponent(id)}`,
};
