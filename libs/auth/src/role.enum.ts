export enum Role {
  Admin = 'admin',
  Recruiter = 'recruiter',
  HiringManager = 'hiring_manager',
  Interviewer = 'interviewer',
}

export const ALL_ROLES = Object.values(Role);
