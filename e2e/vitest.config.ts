import { defineConfig } from 'vitest/config';

// Browser end-to-end workflows: the real server, the widget on a host page (one origin) and the console (another).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120000,
    hookTimeout: 180000,
    pool: 'forks',
    fileParallelism: false,
  },
});
