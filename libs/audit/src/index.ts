export { AuditModule } from './audit.module';
export { AuditService, SETTINGS_ENTITY_ID, type AuditEntityType } from './audit.service';
export { AuditPage, ListAuditQueryDto } from './dto/audit.dto';
export {
  withAuditActorSlot,
  setAuditActor,
  currentAuditActor,
  type AuditActor,
  type AuditActorKind,
} from './audit-actor';
