import { Module } from '@nestjs/common';
import { HeartbeatProcessor } from './heartbeat.processor';

/** The system queue's processors; imported only where workers run. */
@Module({ providers: [HeartbeatProcessor] })
export class QueueWorkersModule {}
