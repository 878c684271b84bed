import { TestApp } from './support/test-app';

// With the demo on, the embedded default's test (embedded.e2e-spec.ts) checks the list itself.
describe('GET /auth/demo-logins where the demo is off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('demo_logins');
  });
  afterAll(() => t?.close());

  it('says so to anyone, and lists no user and no password', async () => {
    const res = await t.request('GET', '/api/v1/auth/demo-logins', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ demo: false, users: [] });
  });
});
