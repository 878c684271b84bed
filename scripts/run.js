#!/usr/bin/env node
// `npm start` and friends: build when the sources are newer than the last build, then run.
//   node scripts/run.js            one process: API + worker (+ embedded PostgreSQL without DATABASE_URL)
//   node scripts/run.js api        API only (PROCESS_ROLE=api)
//   node scripts/run.js worker     the worker process
//   node scripts/run.js --build    only build if needed (API and worker with nest, the web page with Vite)
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const webStamp = join(root, 'dist', '.web-build-stamp');
const webDir = join(root, 'apps', 'web');
const entry = {
  all: join(root, 'dist/apps/api/apps/api/src/main.js'),
  api: join(root, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(root, 'dist/apps/worker/apps/worker/src/main.js'),
};

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'node_modules' || name.name === 'dist' || name.name === 'web') continue;
    const p = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(name.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Newest file of the web page's sources (any kind: .tsx, .css, .html, .svg...). */
function newestWebSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'node_modules' || name.name === 'dist') continue;
    const p = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestWebSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The web page (apps/web -> dist/web, served by the API at /), with Vite. */
function buildWebIfNeeded() {
  if (!existsSync(webDir)) return;
  const sources = Math.max(newestWebSource(webDir), statSync(join(root, 'package.json')).mtimeMs);
  const built = existsSync(webStamp) && existsSync(join(root, 'dist/web/index.html')) ? statSync(webStamp).mtimeMs : 0;
  if (built >= sources) return;
  process.stderr.write('Building the web page (sources changed since the last build)...\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(webDir, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(webStamp, new Date().toISOString() + '\n');
}

function buildIfNeeded() {
  const sources = Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  const built = existsSync(stamp) && Object.values(entry).every(existsSync) ? statSync(stamp).mtimeMs : 0;
  if (built >= sources) return;
  process.stderr.write('Building (sources changed since the last build)...\n');
  const nest = join(root, 'node_modules', '.bin', 'nest');
  for (const app of ['api', 'worker']) {
    const r = spawnSync(nest, ['build', app], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

const arg = process.argv[2] ?? 'all';
buildIfNeeded();
if (arg !== 'worker') buildWebIfNeeded();
if (arg === '--build') process.exit(0);
if (!entry[arg]) {
  process.stderr.write(`usage: node scripts/run.js [all|api|worker|--build]\n`);
  process.exit(2);
}
const env = { ...process.env, ...(arg === 'api' ? { PROCESS_ROLE: 'api' } : {}) };
const child = spawn(process.execPath, [entry[arg]], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
