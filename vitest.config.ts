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
    // The first test of a file that type-checks loads TypeScript's library files: seconds on a busy 2-core
    // machine. Speed goals live in the benchmarks, so a slow machine must not fail a behaviour test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['./tests/unit/setup.ts'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
