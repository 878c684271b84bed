import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { DomainEventsService } from '@app/common';
import { QuestionEntity } from './entities/question.entity';
import { QuestionSetEntity } from './entities/question-set.entity';
import { QuestionSetDemoSeeder } from './demo/question-set-demo.seeder';
import { QuestionBankService } from './question-bank.service';
import { QuestionSetImportService } from './question-set-import.service';
import { QuestionSetRepository } from './question-set.repository';
import { QuestionSetWriterService } from './question-set-writer.service';
import { QuestionSetsController } from './question-sets.controller';
import { QuestionSetsService } from './question-sets.service';
import { QuestionsService } from './questions.service';

/** The recruiter's question bank: sets, questions, versions, import and export. */
@Module({
  // AuthModule first, so that its demo users exist before the demo library is loaded
  imports: [AuthModule, TypeOrmModule.forFeature([QuestionSetEntity, QuestionEntity])],
  controllers: [QuestionSetsController],
  providers: [
    QuestionBankService,
    QuestionSetRepository,
    QuestionSetWriterService,
    QuestionSetsService,
    QuestionsService,
    QuestionSetImportService,
    QuestionSetDemoSeeder,
    DomainEventsService,
  ],
  exports: [QuestionSetsService, QuestionBankService],
})
export class QuestionSetsModule {}
