// Browser tests use Debian's Chromium (or CHROME_PATH) and never download a browser.
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`No Chromium at ${path}: install it with "apt-get install -y chromium" (Debian) or set CHROME_PATH.`);
  process.exit(1);
}
