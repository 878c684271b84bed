export { InfrastructureModule, logsSettled } from './infrastructure.module';
export { HttpModule } from './http.module';
export { WorkersModule } from './workers.module';
export { createHttpApp, createWorkerContext, setupOpenApi, API_PREFIX } from './http-app';
export { MetricsService } from './metrics/metrics.service';
export { loadConfigOrExit, resolveDatabase, onShutdown } from './process';
export { createOpenApiDocument, useApiPrefix } from './http-app';
export { serveWebApp, isServerPath } from './web/serve-web';
