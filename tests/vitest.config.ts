/**
 * Test layers, each a vitest project: pure logic (unit), .astro components through the
 * Container API (components), bad content fixtures built for real (content), the built site
 * parsed as HTML (build) and the served site in headless Chromium (e2e).
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: false,
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      getViteConfig(
        {
          test: { name: 'components', root, include: ['tests/components/**/*.test.ts'], environment: 'node' },
        },
        { root, logLevel: 'error' },
      ),
      {
        test: {
          name: 'content',
          root,
          include: ['tests/content/**/*.test.ts'],
          // Each case runs a real Astro sync or build; they share .astro/ and must not overlap.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'build',
          root,
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          // Builds and serves the site once (tests/e2e/setup.ts); Chromium drives it, one file at a time.
          globalSetup: ['tests/e2e/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
