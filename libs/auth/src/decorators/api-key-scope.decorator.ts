import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { ApiKeyArea } from '../api-keys/api-key-scopes';

export const API_KEY_AREA_METADATA = 'scorecards:api-key-area';

/** The OpenAPI name of the API key security scheme (declared beside `bearer` in http-app.ts). */
export const API_KEY_SECURITY = 'apiKey';

/**
 * Opens an endpoint to API keys holding `<area>:read` (GET) or `<area>:write` (other methods).
 * Endpoints without it refuse keys (403), whatever their roles: keys reach only what an
 * integration needs, and never users, keys or settings.
 * The guard makes an admitted key the request's audit actor (see GlobalAuthGuard).
 */
export function ApiKeyScope(area: ApiKeyArea) {
  return applyDecorators(SetMetadata(API_KEY_AREA_METADATA, area), ApiSecurity(API_KEY_SECURITY));
}
