import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // User code imports the engine as `flowplay`; tests load such code directly.
    alias: { flowplay: fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/peer/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./tests/unit/setup.ts'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
