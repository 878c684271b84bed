// Nest 12 and a few of its dependencies ship ES modules only. Node 20's require(esm) is not
// available inside Jest's module sandbox, so those packages are compiled to CommonJS by Babel
// here; our TypeScript goes through ts-jest with the Swagger plugin, as in `nest build`.
const { pathsToModuleNameMapper } = require('ts-jest');
const ts = require('typescript');

const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Names of installed packages that are ES modules only ("type": "module"), at any depth. */
function esmPackages(dir = join(__dirname, 'node_modules'), found = new Set()) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    if (e.name.startsWith('@')) {
      for (const s of readdirSync(join(dir, e.name), { withFileTypes: true })) {
        if (s.isDirectory()) visit(join(dir, e.name, s.name), `${e.name}/${s.name}`, found);
      }
    } else visit(join(dir, e.name), e.name, found);
  }
  return found;
}
function visit(pkgDir, name, found) {
  try {
    if (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).type === 'module') found.add(name);
  } catch {
    /* not a package */
  }
  esmPackages(join(pkgDir, 'node_modules'), found);
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ESM = [...esmPackages()].map(escape).join('|');

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'mjs', 'json', 'ts'],
  testRegex: '(apps|libs|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        // the Swagger plugin needs the type checker, which transpile-only (isolatedModules) mode lacks
        tsconfig: { ...tsconfig.compilerOptions, isolatedModules: false },
        // our .ts files are CommonJS (no "type": "module"), so the hybrid-module warning does not apply
        diagnostics: { ignoreCodes: [151002] },
        astTransformers: { before: ['<rootDir>/test/jest/swagger-plugin.js'] },
      },
    ],
    '^.+\\.m?js$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        plugins: [require.resolve('./test/jest/esm-require-binding.js'), 'babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
      },
    ],
  },
  // skip a file when the innermost package it belongs to is not an ES module
  transformIgnorePatterns: [`/node_modules/(?!(?:${ESM})/)(?:@[^/]+/)?[^/]+/(?!.*node_modules/)`],
  moduleNameMapper: pathsToModuleNameMapper(tsconfig.compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/jest/summary-reporter.js', '<rootDir>/test/jest/watchdog-reporter.js'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // hooks start a whole app and database per file; on a loaded 2-core machine that can pass a minute
  testTimeout: 120_000,
  maxWorkers: 2,
};
