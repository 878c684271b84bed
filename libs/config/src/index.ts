export {
  AppConfig,
  ConfigError,
  DEMO_ADMIN_EMAIL,
  DEMO_PASSWORD,
  loadConfig,
  loadDotEnv,
  type ProcessRole,
  type OidcConfig,
} from './app-config';
export { ConfigModule } from './config.module';
export { isKnownPassword } from './known-passwords';
