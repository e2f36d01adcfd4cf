import { defineConfig } from 'vite';

const PURE_MODULES = /[\\/](core[\\/]src|node_modules[\\/](date-chinese|astronomia))[\\/]/;

/**
 * No React plugin: Oxc (built into Vite 8) compiles TSX with the automatic JSX runtime, which is all
 * the production build needs. Fast refresh in `npm run dev` is traded for one dependency less.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    // `npm run dev -w web` next to `npm start`: the API stays on the server's port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // core/ is pure (no I/O; DESIGN.md), and date-chinese/astronomia are pure math, but each runs
      // code at import time (date-chinese builds its VSOP87 earth model, ~160 kB of tables). Declared
      // free of side effects, a chunk keeps only what it uses: the calendar page takes core's constants
      // without the astronomy. (core/package.json "sideEffects": false would say the same for core.)
      treeshake: { moduleSideEffects: (id) => !PURE_MODULES.test(id) },
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
