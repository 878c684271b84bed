export { InterviewsModule } from './interviews.module';
export { InterviewQueryService } from './interviews/interview-query.service';
export { InterviewRepository } from './interviews/interview.repository';
export { INTERVIEWER_LIMITS, type InterviewerLimits } from './interviews/interviewer-limits';
export * from './interview.events';
export { toZonedIso, isoWeek } from './time';
export type { KitRow } from './interviews/interview.repository';
export { canManage } from './interviews/interview-access';
