export { InvitationEntity } from './invitation.entity';
export { InvitationPlanner } from './invitation-planner.service';
export { InvitationDeliveryService } from './invitation-delivery.service';
export { InvitationsRepository } from './invitations.repository';
