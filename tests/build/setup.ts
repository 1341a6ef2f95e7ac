/** Builds the real site once for every test of the build layer; tests read BUILD_DIR. */
import type { TestProject } from 'vitest/node';
import { runAstro } from '../helpers/astro';

export default function setup(project: TestProject) {
  const build = runAstro('build');
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  project.provide('distDir', build.distDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
