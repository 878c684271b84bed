export { QuestionSetsModule } from './question-sets.module';
