import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { embedPlugin } from './src/embed/embedPlugin.ts';
import { offlinePlugin } from './src/offline/offlinePlugin.ts';
import { projectPlugin } from './src/project/projectPlugin.ts';
import { pythonPlugin } from './src/sandbox/pythonPlugin.ts';
import { sandboxPlugin } from './src/sandbox/sandboxPlugin.ts';
import { securityHeadersPlugin } from './src/sandbox/securityHeaders.ts';
import { initialAnalysisPlugin } from './src/worker/initialAnalysisPlugin.ts';

const engineEntry = fileURLToPath(new URL('./src/engine/index.ts', import.meta.url));

export default defineConfig({
  // Relative URLs everywhere: the build works from any sub-path (https://example.org/tools/flowplay/)
  // without server rewrites.
  base: './',
  plugins: [react(), sandboxPlugin(), pythonPlugin(), securityHeadersPlugin(), initialAnalysisPlugin(), projectPlugin(), embedPlugin(), offlinePlugin()],
  resolve: {
    // User code and its type declarations import the engine as `flowplay`.
    alias: { flowplay: engineEntry },
  },
  worker: {
    format: 'es',
  },
  optimizeDeps: {
    // Only the workers import these; without pre-bundling them the dev server discovers them late and
    // the worker hangs on its first load. ts-blank-space (the compiler's) shares TypeScript: bundled
    // in the same pass, or a later re-optimisation leaves it importing a TypeScript chunk that changed.
    include: ['typescript', 'ts-blank-space', 'comlink'],
  },
  build: {
    target: 'es2022',
    // TypeScript itself is one large chunk loaded by the language worker only.
    chunkSizeWarningLimit: 10_000,
    rolldownOptions: {
      // The playground, and the compact view other pages embed (src/embedMain.tsx).
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), embed: fileURLToPath(new URL('./embed.html', import.meta.url)) },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
