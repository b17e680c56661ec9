/**
 * How Flowplay's browser tests and benchmarks start Chromium. Playwright cannot download its own
 * browser on our machines, so they drive the system's Chromium (Debian: `apt-get install chromium`);
 * the flags keep it from reaching for the network, a GPU or a sandbox it cannot create as root.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
