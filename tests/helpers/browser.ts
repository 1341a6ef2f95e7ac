/**
 * Headless Chromium for the browser tests: Debian's package, driven by playwright-core
 * (Playwright's own browser download is not reachable from these machines).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_PATH = '/usr/bin/chromium';

const INSTALL_HELP =
  "Browser tests need Chromium. Install Debian's package as root (`apt-get update && apt-get install -y chromium`), " +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** The Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium, installed with apt when running as root. */
export function chromiumPath(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`CHROMIUM_PATH=${configured} does not exist. ${INSTALL_HELP}`);
    return configured;
  }
  if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  if (process.getuid?.() !== 0) throw new Error(`${DEFAULT_PATH} not found. ${INSTALL_HELP}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (install.status !== 0 || !existsSync(DEFAULT_PATH)) {
    throw new Error(`apt-get install chromium failed (status ${install.status}). ${INSTALL_HELP}`);
  }
  return DEFAULT_PATH;
}

/** Flags for a quiet, reproducible headless run: no network chatter, no GPU, no sandbox (containers). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium; each launch gets a fresh, throw-away profile. Playwright hides
 * scrollbars unless `scrollbars` is set: then they take room, as in a desktop browser.
 */
export function launchBrowser(options: { scrollbars?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    ...(options.scrollbars && { ignoreDefaultArgs: ['--hide-scrollbars'] }),
  });
}
