import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// a plain CommonJS script shared with `npm run web:client`
const { openApiDocument, schemaSource, builtModules, SCHEMA_FILE } = require('../scripts/web-client.js');

const root = join(__dirname, '..');

/**
 * The document comes from the built API, as `npm run web:client` reads it: Jest's compilation of
 * the sources infers fewer response types than `nest build` does, so it would not match.
 */
describe("the web page's generated API client", () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'scripts/run.js'), '--build'], {
      cwd: root,
      stdio: 'inherit',
      timeout: 300_000,
    });
    if (build.status !== 0) throw new Error(`node scripts/run.js --build failed (${build.status ?? build.signal})`);
  }, 320_000);

  it('is up to date with the API (else run `npm run web:client` and check the file in)', async () => {
    const expected: string = await schemaSource(await openApiDocument(builtModules()));
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    if (current !== expected) {
      throw new Error(
        "apps/web/src/api/schema.d.ts is out of date with the API's OpenAPI document: run `npm run web:client` and check the file in",
      );
    }
    expect(current).toContain('"/api/v1/question-sets/import/preview"');
    expect(current).toMatch(/questionSetId\?: string/);
  });
});
