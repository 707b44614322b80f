import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the real host; they run one at a time because
// they share one host process and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
