export type TrainingStage = 'shadow' | 'reverse_shadow' | 'qualified';
export const TRAINING_STAGES: TrainingStage[] = ['shadow', 'reverse_shadow', 'qualified'];

/** Where a member stands: counted interviews against the pool's two thresholds. */
export interface Training {
  stage: TrainingStage;
  /** Interviews that count toward training (see PoolRepository.countedInterviews). */
  completed: number;
  /** Interviews until the next stage; 0 once qualified. */
  remaining: number;
}

/**
 * A trainee shadows `shadows` interviews, then reverse-shadows `reverse` more, then is qualified;
 * a member who is not (or no longer) a trainee is qualified whatever they completed.
 */
export function trainingOf(trainee: boolean, completed: number, shadows: number, reverse: number): Training {
  if (trainee && completed < shadows) return { stage: 'shadow', completed, remaining: shadows - completed };
  if (trainee && completed < shadows + reverse)
    return { stage: 'reverse_shadow', completed, remaining: shadows + reverse - completed };
  return { stage: 'qualified', completed, remaining: 0 };
}
