import './backend-classes';
import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { HeartbeatEntity } from './heartbeat.entity';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatService } from './heartbeat.service';
import { QueueName } from './queue.constants';
import { queueConnection } from './queue-connection';
import { SystemController } from './system.controller';

/** BullMQ on Redis or on PostgreSQL, chosen by the configuration; the producers' side. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => queueConnection(config),
    }),
    BullModule.registerQueue({ name: QueueName.System }),
    TypeOrmModule.forFeature([HeartbeatEntity]),
  ],
  controllers: [SystemController],
  providers: [HeartbeatRepository, HeartbeatService],
  exports: [HeartbeatService, HeartbeatRepository, BullModule],
})
export class QueueModule {}
