import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `npm run -s export -- <args>` against a database, as the council's staff would run it. */
export const runExport = (databaseUrl: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
