/** The bench's one way to start Chromium with the built extension loaded (a persistent profile, headless, offline flags). */
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../lib/chromium';

/**
 * Chromium on `profile` with the unpacked extension at `extDir`. `headless: false` with the
 * `--headless=new` flag: Playwright's own headless mode is the old shell, which loads no extension.
 */
export function launchWithExtension(profile: string, extDir: string, executablePath: string = CHROMIUM_BIN): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [...OFFLINE_HEADLESS_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
}
