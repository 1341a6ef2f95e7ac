/**
 * Builds the real site once, serves it for the browser tests and stops the server afterwards.
 * Set BACKSTORY_E2E_DIST to a built dist/ folder to test that build instead of building again.
 */
import type { TestProject } from 'vitest/node';
import { sharedBuild } from '../helpers/astro.ts';
import { serveDist } from '../helpers/server.ts';

function builtSite(): string {
  const existing = process.env['BACKSTORY_E2E_DIST'];
  if (existing) return existing;
  return sharedBuild().distDir;
}

export default async function setup(project: TestProject) {
  const distDir = builtSite();
  const server = await serveDist(distDir);
  project.provide('baseURL', server.url);
  project.provide('e2eDistDir', distDir);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served build, e.g. 'http://127.0.0.1:41234'. */
    baseURL: string;
    /** The build being served. */
    e2eDistDir: string;
  }
}
