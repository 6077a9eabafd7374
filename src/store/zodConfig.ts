/**
 * zod compiles object schemas with `new Function` when it may, and tries once to find out: under the site's
 * Content-Security-Policy (no 'unsafe-eval') that try is a reported violation on every page that validates. jitless
 * makes zod interpret instead; the learner data it checks is small. Import this before any schema parses in the browser.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
