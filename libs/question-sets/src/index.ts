export { QuestionSetsModule } from './question-sets.module';
export { QuestionSetsService } from './question-sets.service';
export { QuestionSetResponse, QuestionResponse } from './dto/question-set.response';
export type { QuestionType } from './import/guide.types';
