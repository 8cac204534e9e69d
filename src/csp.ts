// Imported first by main.tsx, which loads the app only after it, before any schema is built: Zod would test `new Function` to compile faster parsers,
// which the page's Content-Security-Policy (index.html) forbids; told not to, it never tries.
import * as z from 'zod/mini';

z.config({ jitless: true });
