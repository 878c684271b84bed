export { AuditModule } from './audit.module';
export { AuditService, type AuditEntityType } from './audit.service';
