export { InterviewsModule } from './interviews.module';
