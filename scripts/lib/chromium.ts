/** Debian's Chromium as every script and test here launches it. */

/** The Chromium binary (Debian's wrapper), overridable with CHROMIUM_BIN. */
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * Headless flags for a machine whose only network is loopback: without the background-networking,
 * component-update and sync switches Chromium keeps trying to reach its own services.
 */
export const OFFLINE_HEADLESS_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
