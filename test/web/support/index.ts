export { startApp, freePort, type AppEnv, type RunningApp } from './app-process';
export { databaseUrl } from './app-process';
export {
  launchBrowser,
  assertNoPageErrors,
  checkPage,
  expectAccessible,
  screenshot,
  watchErrors,
  SCREENSHOTS,
  type Browser,
} from './browser';
export { signInAs, signInWith, apiToken, DEMO, type DemoRole } from './session';
export { openAppInBrowser, closeAppInBrowser, type AppInBrowser } from './app-in-browser';
export { apiCalls, type ApiCalls } from './api';
