/** Builds the real site once for every test of the build layer; tests `inject('distDir')`. */
import type { TestProject } from 'vitest/node';
import { sharedBuild } from '../helpers/astro.ts';

export default function setup(project: TestProject) {
  project.provide('distDir', sharedBuild().distDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
