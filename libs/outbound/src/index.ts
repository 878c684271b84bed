export { OutboundModule } from './outbound.module';
export {
  OutboundRequestService,
  OUTBOUND_RESOLVER,
  type OutboundRequest,
  type OutboundResponse,
  type OutboundResolver,
} from './outbound-request.service';
export { OutboundError, REFUSED_INTERNAL, type OutboundFailure } from './outbound-error';
export { OutboundAllowlist, OutboundPolicy, isInternalName } from './outbound-policy';
export { internalRange, parseIp, type Ip } from './ip-address';
