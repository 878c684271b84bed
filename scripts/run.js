#!/usr/bin/env node
// `npm start` and friends: build when the sources are newer than the last build, then run.
//   node scripts/run.js            one process: API + worker (+ embedded PostgreSQL without DATABASE_URL)
//   node scripts/run.js api        API only (PROCESS_ROLE=api)
//   node scripts/run.js worker     the worker process
//   node scripts/run.js --build    only build if needed (API and worker with nest, the web page with Vite)
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const launchedAt = npmStartedAt() ?? Math.round(performance.timeOrigin);
// a developer's settings; what the shell already exports wins (the app reads it again, to the same effect)
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
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
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(webDir, 'vite.config.mts'), '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(webStamp, new Date().toISOString() + '\n');
}

function buildIfNeeded() {
  const sources = Math.max(
    newestSource(join(root, 'apps')),
    newestSource(join(root, 'libs')),
    statSync(join(root, 'tsconfig.json')).mtimeMs,
  );
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

/**
 * When `npm start` started this script: the start of the npm process above us (Linux /proc), so that
 * the banner's "ready in" counts npm, the build and the app, as the person waiting for the page does.
 */
function npmStartedAt() {
  if (!process.env.npm_lifecycle_event) return undefined;
  try {
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node runs on
    const bootMs = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1]) * 1000;
    let pid = process.ppid;
    // npm runs scripts through a shell: the shell, then npm itself
    for (let hop = 0; hop < 3 && pid > 1; hop++) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/npm/.test(cmdline)) return Math.round(bootMs + (Number(fields[19]) * 1000) / ticksPerSecond);
      pid = Number(fields[1]);
    }
    return undefined;
  } catch {
    return undefined; // not Linux, or /proc hidden: the script's own start is close enough
  }
}

const arg = process.argv[2] ?? 'all';
const buildStarted = Date.now();
buildIfNeeded();
if (arg !== 'worker') buildWebIfNeeded();
const buildMs = Date.now() - buildStarted;
if (arg === '--build') process.exit(0);
if (!entry[arg]) {
  process.stderr.write(`usage: node scripts/run.js [all|api|worker|--build]\n`);
  process.exit(2);
}
const env = {
  ...process.env,
  ...(arg === 'api' ? { PROCESS_ROLE: 'api' } : {}),
  // for the banner: the time to the first request counted from here, and how much of it was the build
  SCORECARDS_LAUNCHED_AT: String(launchedAt),
  SCORECARDS_BUILD_MS: String(buildMs),
};
const child = spawn(process.execPath, [entry[arg]], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
