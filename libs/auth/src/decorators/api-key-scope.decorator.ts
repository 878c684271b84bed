import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { ApiKeyActorInterceptor } from '../api-keys/api-key-actor.interceptor';
import type { ApiKeyArea } from '../api-keys/api-key-scopes';

export const API_KEY_AREA_METADATA = 'scorecards:api-key-area';

/** The OpenAPI name of the API key security scheme (declared beside `bearer` in http-app.ts). */
export const API_KEY_SECURITY = 'apiKey';

/**
 * Opens an endpoint to API keys holding `<area>:read` (GET) or `<area>:write` (other methods).
 * Endpoints without it refuse keys (403), whatever their roles: keys reach only what an
 * integration needs, and never users, keys or settings.
 *
 * The key's audit actor is set here, per route, rather than by a global interceptor: only these
 * routes admit keys, and a route without interceptors skips Nest's interceptor chain altogether.
 */
export function ApiKeyScope(area: ApiKeyArea) {
  return applyDecorators(
    SetMetadata(API_KEY_AREA_METADATA, area),
    ApiSecurity(API_KEY_SECURITY),
    UseInterceptors(ApiKeyActorInterceptor),
  );
}
