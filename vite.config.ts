import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const engineEntry = fileURLToPath(new URL('./src/engine/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // User code and its type declarations import the engine as `flowplay`.
    alias: { flowplay: engineEntry },
  },
  worker: {
    format: 'es',
  },
  optimizeDeps: {
    // Only the workers import these; without pre-bundling them the dev server discovers them late and
    // the worker hangs on its first load.
    include: ['typescript', 'comlink'],
  },
  build: {
    target: 'es2022',
    // TypeScript itself is one large chunk loaded by the language worker only.
    chunkSizeWarningLimit: 10_000,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
