export { InvitationEntity } from './invitation.entity';
export { InvitationPlannerService } from './invitation-planner.service';
export { InvitationDeliveryService } from './invitation-delivery.service';
export { InvitationRepository } from './invitation.repository';
