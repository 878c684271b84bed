export default async function globalTeardown(): Promise<void> {
  await globalThis.__SCORECARDS_TEST_PG__?.stop();
}
