// Our TypeScript goes through ts-jest with the Swagger plugin, as in `nest build`, to CommonJS.
// Nest 12 and a few of its dependencies ship ES modules only: Jest 30.5 require()s them as Node
// does (require(esm)) on Node 24.9+, but inside its module sandbox that takes vm.SourceTextModule,
// which Node still keeps behind --experimental-vm-modules. The repository's .npmrc passes that
// flag to everything npm and npx start (`npm test`, `npx jest ...`); without it, say so here
// rather than fail in the first test file with "Must use import to load ES Module".
const { pathsToModuleNameMapper } = require('ts-jest');
const ts = require('typescript');
const vm = require('node:vm');

if (typeof vm.SourceTextModule?.prototype.hasAsyncGraph !== 'function') {
  throw new Error(
    `Jest loads the ES-module-only packages (Nest 12...) with Node's require(esm), which needs Node 24.9 or newer ` +
      `(this is ${process.version}) run with --experimental-vm-modules: start it through npm or npx (the .npmrc ` +
      `sets it), or set NODE_OPTIONS=--experimental-vm-modules.`,
  );
}

const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
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
  },
  moduleNameMapper: pathsToModuleNameMapper(tsconfig.compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/jest/summary-reporter.js', '<rootDir>/test/jest/watchdog-reporter.js'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // hooks start a whole app and database per file; on a loaded 2-core machine that can pass a minute
  testTimeout: 120_000,
  maxWorkers: 2,
};
