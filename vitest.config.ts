import { defineConfig } from 'vitest/config';

// Server, protocol and bench smoke tests: real database (PGlite, or PostgreSQL when DATABASE_URL is set), real sockets.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'protocol/**/*.test.ts', 'bench/**/*.test.ts', 'widget/size-budget.test.ts'],
    // Safety nets, not measurements: tests wait on conditions, and a loaded 2-core machine can take
    // a minute to start servers and migrate (a CI run under load timed out at 30 s).
    testTimeout: 90000,
    hookTimeout: 120000,
    pool: 'forks',
    fileParallelism: false,
  },
});
