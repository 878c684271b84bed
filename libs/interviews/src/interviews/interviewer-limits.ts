/**
 * Weekly limits live with interviewer profiles (the interviewers module, which depends on this
 * one); it provides this token so that scheduling can warn without a circular import.
 */
export const INTERVIEWER_LIMITS = Symbol('INTERVIEWER_LIMITS');

export interface InterviewerLimits {
  weeklyLimits(userIds: string[]): Promise<Map<string, number>>;
}
