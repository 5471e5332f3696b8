import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** As root on this kind of machine: no sandbox, and no calls home (the network is closed). */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two test files may start at once, and the packaged Chromium unpacks itself into the temp dir on
 * first use: whoever creates the lock directory unpacks, the others wait for it.
 */
async function packagedChromium(): Promise<string> {
  const lock = path.join(os.tmpdir(), 'factline-chromium-unpack.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`${lock} was held for 2 minutes; remove it if no test is running`);
      await sleep(200);
    }
  }
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return await packaged.executablePath();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** Debian's Chromium when installed, else the binary that ships inside the @sparticuz/chromium package: nothing is downloaded. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : await packagedChromium();
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
}
