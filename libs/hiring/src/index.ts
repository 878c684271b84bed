export { HiringModule } from './hiring.module';
export { HiringEvent, type CandidateDecidedPayload } from './hiring.events';
export { DECISIONS, type Decision, type MissingScorecard } from './entities/candidate-decision.entity';
export { DecisionHistoryService } from './decisions/decision-history.service';
export type { DecisionResponse } from './dto/decision.response';
