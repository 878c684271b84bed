export { InterviewersModule } from './interviewers.module';
