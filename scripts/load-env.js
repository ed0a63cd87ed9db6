// Reads the project's `.env` when there is one (Node's own parser); variables already set in
// the environment win. Imported first by the entry points, before any module reads the config.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../.env', import.meta.url));
if (existsSync(path)) process.loadEnvFile(path);
