// Browser tests use Debian's Chromium (or CHROME_PATH) and never download a browser.
import { existsSync } from 'node:fs';
import { CHROME_PATH } from './chrome.mjs';

if (!existsSync(CHROME_PATH)) {
  console.error(`No Chromium at ${CHROME_PATH}: install it with "apt-get install -y chromium" (Debian) or set CHROME_PATH.`);
  process.exit(1);
}
