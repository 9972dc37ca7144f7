import { defineConfig } from 'vitest/config';

// Server, protocol and bench smoke tests: real database (PGlite, or PostgreSQL when DATABASE_URL is set), real sockets.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'protocol/**/*.test.ts', 'bench/**/*.test.ts', 'widget/size-budget.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    fileParallelism: false,
  },
});
