// Builds the studio before `npm start` when studio/dist is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'studio', 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['studio/src', 'studio/index.html', 'studio/vite.config.ts', 'package-lock.json']
  .map((path) => join(root, path))
  .filter((path) => existsSync(path));
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newest));
if (builtAt < changedAt) {
  console.log(builtAt ? 'The studio changed: building it…' : 'Building the studio (first start)…');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'studio/vite.config.ts'),
    ],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
}
