/** `astro dev` or `astro preview` on a free loopback port, for the tests that talk to a real server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from './astro.ts';

export interface AstroServer {
  origin: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => void;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Starts `astro <command>` in `cwd` and resolves once `ready(origin, output)` holds; rejects with
 * the server's output when it exits first or takes longer than a minute.
 */
export async function startAstro(
  command: 'dev' | 'preview',
  cwd: string,
  ready: (origin: string, output: string) => boolean | Promise<boolean>,
): Promise<AstroServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    join(projectRoot, 'node_modules/.bin/astro'),
    [command, '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd,
      env: {
        // Not vitest's own variables (NODE_ENV=test, VITEST...): with them the dev server answers no route.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
        ),
        PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server = { origin, process: child, output: () => output, stop: () => child.kill() };
  for (const deadline = Date.now() + 60_000; ; await sleep(200)) {
    if (child.exitCode !== null) throw new Error(`astro ${command} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`astro ${command} did not start:\n${output}`);
    }
    if (await ready(origin, output)) return server;
  }
}
