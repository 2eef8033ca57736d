import * as z from 'zod/mini';

/**
 * zod for every schema in src: zod/mini, whose functions tree-shake (classic zod's methods pull
 * in its JSON Schema code, which we never use). Import `z` from here, not from 'zod/mini', so the
 * English messages below are set before any schema parses.
 */

// zod/mini carries no messages: without a locale every issue reads "Invalid input". Backup
// imports, share links and the CSV import show issue messages, so set classic zod's English ones.
z.config(z.locales.en());

export { z };
