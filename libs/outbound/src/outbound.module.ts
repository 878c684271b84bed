import { Module } from '@nestjs/common';
import { OutboundRequestService } from './outbound-request.service';

/** The one way the server makes requests to addresses users give (needs AppConfig from the global ConfigModule). */
@Module({
  providers: [OutboundRequestService],
  exports: [OutboundRequestService],
})
export class OutboundModule {}
