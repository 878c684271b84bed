import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { FeedbackModule } from '@app/feedback';
import { HiringModule } from '@app/hiring';
import { InterviewersModule } from '@app/interviewers';
import { InterviewsModule } from '@app/interviews';
import { HttpModule, InfrastructureModule, WorkersModule } from '@app/platform';
import { QuestionSetsModule } from '@app/question-sets';
import { RemindersModule } from '@app/reminders';

@Module({})
export class AppModule {
  /** With PROCESS_ROLE=all (the default) the queue workers run in this process too. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        HttpModule,
        QuestionSetsModule,
        InterviewsModule,
        InterviewersModule,
        FeedbackModule,
        HiringModule,
        RemindersModule,
        ...(config.processRole === 'all' ? [WorkersModule] : []),
      ],
    };
  }
}
