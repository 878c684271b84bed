export { QuestionSetsModule } from './question-sets.module';
export { QuestionSetsService } from './question-sets.service';
export { QuestionSetResponse, QuestionResponse } from './dto/question-set.response';
export type { QuestionType } from './import/guide.types';
export { QuestionBankService, type PublishedQuestion, type QuestionRef } from './question-bank.service';
export type { StoredCriterion, StoredFollowUp, StoredGuidance } from './entities/question.entity';
export { questionContent, type QuestionContent } from './question-content';
export { QuestionSetEvent, type QuestionSetPublishedPayload } from './question-set.events';
