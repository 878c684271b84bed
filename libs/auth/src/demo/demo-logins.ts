import { DEMO_PASSWORD } from '@app/config';
import type { AppConfig } from '@app/config';
import type { DemoLoginsResponse } from '../dto/demo-logins.response';
import { Role } from '../role.enum';
import { DEMO_PANELISTS, DEMO_USERS } from '../user-seeder.service';

const ROLE_LABELS: Record<Role, string> = {
  [Role.Admin]: 'Admin',
  [Role.Recruiter]: 'Recruiter',
  [Role.HiringManager]: 'Hiring manager',
  [Role.Interviewer]: 'Interviewer',
};

/** "Interviewer, New York" from America/New_York: where the person is, for the panels across zones. */
function label(roles: Role[], timezone: string): string {
  const role = roles.map((r) => ROLE_LABELS[r]).join(', ');
  return roles.includes(Role.Interviewer) ? `${role}, ${timezone.split('/').pop()!.replace(/_/g, ' ')}` : role;
}

/**
 * The demo users and their password while the demo is on, for the sign-in page and the start-up
 * banner; null otherwise. Production refuses DEMO=true, and this checks it again so that a demo
 * password is never advertised by a production server.
 */
export function demoLogins(config: AppConfig): Required<DemoLoginsResponse> | null {
  if (!config.demo || config.production) return null;
  const users = [...DEMO_USERS, ...DEMO_PANELISTS].map((u) => ({ ...u, label: label(u.roles, u.timezone) }));
  return { demo: true, password: DEMO_PASSWORD, users };
}
