export { InterviewersModule } from './interviewers.module';
export { InterviewersService } from './interviewers.service';
export { AvailabilityService, type UserAvailability, type Interval } from './availability/availability.service';
export { CalendarFeedService } from './availability/calendar-feed.service';
export { AvailabilityWorkersModule } from './availability/availability-workers.module';
export {
  workingWindows,
  DEFAULT_WORKING_HOURS,
  type WorkingHours,
  type TimeWindow,
} from './availability/working-hours';
export {
  InterviewerPoolsService,
  type PoolWithMembers,
  type PoolMember,
  type UserPoolLimits,
} from './pools/interviewer-pools.service';
export { trainingOf, TRAINING_STAGES, type TrainingStage, type Training } from './pools/training';
