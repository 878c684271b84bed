import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../role.enum';

export class DemoLogin {
  email: string;
  name: string;
  @ApiProperty({ enum: Role, isArray: true, enumName: 'Role' })
  roles: Role[];
  /** IANA timezone the demo user works in (the demo interviewers are spread over three). */
  timezone: string;
  /** What to sign in as them for, e.g. "Hiring manager" or "Interviewer, New York". */
  label: string;
}

export class DemoLoginsResponse {
  /** Whether this server loaded the demo data (never in production). */
  demo: boolean;
  /** The demo users' shared password; absent when the demo is off. */
  password?: string;
  /** Empty when the demo is off. */
  users: DemoLogin[];
}
