import type { AppConfig } from '@app/config';
import { demoLogins } from './demo-logins';

const config = (c: Partial<AppConfig>) => ({ demo: true, production: false, ...c }) as AppConfig;

describe('demoLogins', () => {
  it('lists every demo user with the shared password while the demo is on', () => {
    const logins = demoLogins(config({}))!;
    expect(logins.password).toBe('demo-password');
    expect(logins.users.map((u) => [u.email, u.label])).toEqual([
      ['admin@demo.scorecards.dev', 'Admin'],
      ['recruiter@demo.scorecards.dev', 'Recruiter'],
      ['manager@demo.scorecards.dev', 'Hiring manager'],
      ['interviewer@demo.scorecards.dev', 'Interviewer, New York'],
      ['kai.becker@demo.scorecards.dev', 'Interviewer, Berlin'],
      ['priya.shah@demo.scorecards.dev', 'Interviewer, Kolkata'],
    ]);
  });

  it('lists nobody when the demo is off, nor ever in production', () => {
    expect(demoLogins(config({ demo: false }))).toBeNull();
    expect(demoLogins(config({ production: true }))).toBeNull();
  });
});
