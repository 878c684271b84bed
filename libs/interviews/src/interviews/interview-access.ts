import { NotFoundException } from '@nestjs/common';
import { hasRole, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';

export interface AccessFacts {
  hiringManagerId: string;
  panelUserIds: string[];
}

/** Admins and recruiters manage every interview; a hiring manager those of their positions. */
export function canManage(user: AuthUser, facts: Pick<AccessFacts, 'hiringManagerId'>): boolean {
  return hasRole(user, Role.Admin, Role.Recruiter) || (hasRole(user, Role.HiringManager) && facts.hiringManagerId === user.id);
}

/** Panelists read the interviews they are on; for anyone else an interview they may not see does not exist. */
export function assertCanRead(user: AuthUser, id: string, facts: AccessFacts): void {
  if (!canManage(user, facts) && !facts.panelUserIds.includes(user.id)) throw new NotFoundException(`Interview ${id} not found`);
}
