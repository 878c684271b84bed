export { InterviewersModule } from './interviewers.module';
export { InterviewersService } from './interviewers.service';
