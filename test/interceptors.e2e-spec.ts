import { RequestMethod, type NestInterceptor, type Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, type ApplicationConfig } from '@nestjs/core';
import { API_KEY_AREA_METADATA } from '@app/auth/decorators/api-key-scope.decorator';
import { PUBLIC_METADATA } from '@app/auth/decorators/authenticated.decorator';
import { IdempotencyInterceptor } from '@app/idempotency';
import { TestApp } from './support/test-app';

interface Route {
  /** "POST /interviews/:id/cancel" (without the API prefix) */
  name: string;
  method: string;
  isPublic: boolean;
  apiKeyArea: unknown;
  interceptors: Array<Type<NestInterceptor> | NestInterceptor>;
}

/**
 * No interceptor is global (each one runs Nest's rxjs chain on every request): each is declared on
 * the routes where it can act, and a forgotten one fails here rather than in production, where a
 * signed-in POST would quietly lose its Idempotency-Key.
 */
describe('interceptors per route', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await TestApp.start('interceptors');
    routes = discoverRoutes(t.app.get(ModulesContainer));
  });
  afterAll(() => t?.close());

  const find = (name: string) => {
    const route = routes.find((r) => r.name === name);
    if (!route) throw new Error(`${name} is not a route of the app (found ${routes.length} routes)`);
    return route;
  };

  it('registers no global interceptor (APP_INTERCEPTOR or useGlobalInterceptors)', () => {
    const config = (t.app as unknown as { config: ApplicationConfig }).config;
    expect(config.getGlobalInterceptors()).toEqual([]);
    expect(config.getGlobalRequestInterceptors()).toEqual([]);
  });

  it('puts @Idempotent() on every POST that is not @Public(), and on nothing else', () => {
    const posts = routes.filter((r) => r.method === 'POST' && !r.isPublic);
    expect(posts.length).toBeGreaterThan(0);
    const missing = posts.filter((r) => !r.interceptors.includes(IdempotencyInterceptor)).map((r) => r.name);
    expect(missing).toEqual([]);
    const elsewhere = routes
      .filter((r) => !posts.includes(r) && r.interceptors.includes(IdempotencyInterceptor))
      .map((r) => r.name);
    expect(elsewhere).toEqual([]);
    // the public sign-in has no principal to scope keys to
    expect(find('POST /auth/login').interceptors).toEqual([]);
  });

  it('leaves every route but the signed-in POSTs without any interceptor, reads open to API keys included', () => {
    // an API key's audit actor comes from the guard (withAuditActorSlot), not from an interceptor
    expect(routes.filter((r) => r.apiKeyArea !== undefined && r.method === 'GET').length).toBeGreaterThan(0);
    for (const name of ['GET /health', 'GET /health/ready', 'GET /health/live', 'GET /me', 'GET /users'])
      expect({ name, interceptors: find(name).interceptors }).toEqual({ name, interceptors: [] });
    const others = routes
      .filter((r) => !(r.method === 'POST' && !r.isPublic) && r.interceptors.length)
      .map((r) => r.name);
    expect(others).toEqual([]);
  });
});

/** Every handler of every controller the app loaded, with the interceptors Nest will run for it. */
function discoverRoutes(modules: ModulesContainer): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const seen = new Set<unknown>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[key] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
        const name = `${method} ${join(base ?? '', Array.isArray(path) ? path[0] : path)}`;
        const onBoth = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        routes.push({
          name,
          method,
          isPublic: onBoth<boolean>(PUBLIC_METADATA) === true,
          apiKeyArea: onBoth(API_KEY_AREA_METADATA),
          // Nest runs the controller's interceptors, then the handler's
          interceptors: [
            ...((Reflect.getMetadata(INTERCEPTORS_METADATA, controller) as Route['interceptors'] | undefined) ?? []),
            ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as Route['interceptors'] | undefined) ?? []),
          ],
        });
      }
    }
  }
  return routes;
}

function join(base: string, path: string): string {
  const parts = [base, path].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return '/' + parts.join('/');
}
