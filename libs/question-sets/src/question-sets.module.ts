import { Module } from '@nestjs/common';

/** Home of the question-sets domain module (see DESIGN.md); its tables, services and controllers land here. */
@Module({})
export class QuestionSetsModule {}
