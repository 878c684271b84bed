import { Module } from '@nestjs/common';
import { QueueWorkersModule } from '@app/queue';

/** Every queue processor; loaded by apps/worker, and by apps/api when it runs the worker in-process. */
@Module({ imports: [QueueWorkersModule] })
export class WorkersModule {}
