import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InfrastructureModule, WorkersModule } from '@app/platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [InfrastructureModule.forRoot(config), WorkersModule] };
  }
}
