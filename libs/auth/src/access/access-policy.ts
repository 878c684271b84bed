import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { hasRole } from '../decorators/auth-user.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { Role } from '../role.enum';

/**
 * The one access policy of the platform: who may read or change a position, a candidate, an
 * interview, a scorecard or a summary. Every service asks it; none decides on its own.
 *
 * - Admins and recruiters see and manage everything.
 * - A hiring manager sees and manages the positions they are the hiring manager of, and those
 *   positions' candidates, interviews, scorecards, summaries, debriefs, pipeline and calibration.
 *   For anything about a candidate the authority is the CANDIDATE'S OWN position, never a position
 *   a request names beside it (an interview filed under another position does not open it).
 * - An interviewer reads the interviews they are on the panel of and their own scorecards (others'
 *   only after submitting theirs: the blind rule, kept by the scorecard board).
 *
 * - An API key (an integration, e.g. an ATS) reads and writes organisation-wide, like a recruiter,
 *   within the scopes the guard already checked for the route (the Greenhouse Harvest model: an
 *   integration syncs everything). It never acts as a person: it has no scorecard, no invitation to
 *   answer, no personal settings, no hiring decision and no reopening of scorecards; it reads
 *   submitted scorecards as an overseer (never drafts), and question-set drafts only with
 *   `question_sets:write`.
 *
 * Refusals: a resource the caller may not see does not exist for them (404, its existence is not
 * revealed); a role that may never do something gets 403 ("role-level refusal").
 *
 * Pure functions over plain facts, so a service passes what it already loaded and the rules are
 * unit-tested without a database.
 */

/** The facts about a position that decide access: its hiring manager. */
export interface PositionFacts {
  hiringManagerId: string;
}

/** An interview's facts: the hiring manager of its candidate's own position, and its panel. */
export interface InterviewFacts extends PositionFacts {
  panelUserIds: readonly string[];
}

/**
 * How a list must be narrowed in SQL for this caller: `all` (no filter), `managed` (positions whose
 * hiring manager is `userId`, plus for interviews those the caller is on the panel of) or `panel`
 * (only interviews the caller is on the panel of).
 */
export type ListScope = { kind: 'all' } | { kind: 'managed'; userId: string } | { kind: 'panel'; userId: string };

/** The caller is an integration's API key, not a person. */
export function isApiKey(user: AuthUser): boolean {
  return user.apiKey !== undefined;
}

/** Admins, recruiters and API keys: every position, candidate, interview and summary. */
export function seesEverything(user: AuthUser): boolean {
  return isApiKey(user) || hasRole(user, Role.Admin, Role.Recruiter);
}

/** The roles (and API keys) that work with positions and candidates at all (interviewers see them through their interviews). */
export function isHiringTeam(user: AuthUser): boolean {
  return isApiKey(user) || hasRole(user, Role.Admin, Role.Recruiter, Role.HiringManager);
}

/** Read or change a position and everything of its candidates (plan, pipeline, summaries, debrief). */
export function canManagePosition(user: AuthUser, position: PositionFacts): boolean {
  return seesEverything(user) || (hasRole(user, Role.HiringManager) && position.hiringManagerId === user.id);
}

/** Read an interview (its kit, invite, reminders): whoever manages its candidate's position, and its panel. */
export function canReadInterview(user: AuthUser, facts: InterviewFacts): boolean {
  return canManagePosition(user, facts) || facts.panelUserIds.includes(user.id);
}

/**
 * Answer an interview's invitation (accept, decline, tentative): its panelists only, for themselves.
 * Managers who are not on the panel have nothing to answer (404, like a scorecard of one's own).
 */
export function canAnswerInvitation(user: AuthUser, facts: Pick<InterviewFacts, 'panelUserIds'>): boolean {
  return !isApiKey(user) && facts.panelUserIds.includes(user.id);
}

/** The note a panelist gave with their answer: the panelist and whoever manages the interview. */
export function canReadRsvpNote(user: AuthUser, facts: PositionFacts, panelistId: string): boolean {
  return user.id === panelistId || canManagePosition(user, facts);
}

/** See every submitted scorecard of an interview without submitting one's own (the blind rule's overseers). */
export function oversees(user: AuthUser, facts: PositionFacts): boolean {
  return canManagePosition(user, facts);
}

/** Reopen a submitted scorecard: its author or an admin. */
export function canReopenScorecard(user: AuthUser, authorId: string): boolean {
  return !isApiKey(user) && (authorId === user.id || hasRole(user, Role.Admin));
}

/** Deleting positions and candidates is the recruiting team's (admins, recruiters). */
export function canDelete(user: AuthUser): boolean {
  return seesEverything(user);
}

/** Create a position: the recruiting team for anyone, a hiring manager only one they manage. */
export function canCreatePosition(user: AuthUser, hiringManagerId: string): boolean {
  return seesEverything(user) || hiringManagerId === user.id;
}

/** Change an interviewer's profile: the interviewer, admins and recruiters. */
export function canChangeInterviewerProfile(user: AuthUser, interviewerId: string): boolean {
  return !isApiKey(user) && (user.id === interviewerId || seesEverything(user));
}

/**
 * Personal settings (webhook URL, calendar feed, working hours, days off): their owner's and admins'.
 * A webhook or feed URL is a credential: nobody else reads it either.
 */
export function ownsPersonalSettings(user: AuthUser, ownerId: string): boolean {
  return !isApiKey(user) && (user.id === ownerId || hasRole(user, Role.Admin));
}

/** Change question sets (create, edit, publish, import): admins, recruiters and keys with `question_sets:write`. */
export function canWriteQuestionSets(user: AuthUser): boolean {
  if (user.apiKey) return user.apiKey.scopes.includes('question_sets:write');
  return hasRole(user, Role.Admin, Role.Recruiter);
}

/** Read a question set: its writers any; everyone else a published one only (a draft is not there for them). */
export function canReadQuestionSet(user: AuthUser, status: string): boolean {
  return canWriteQuestionSets(user) || status === 'published';
}

/**
 * An interviewer's record (calibration, pending scorecards, availability): their own, or the hiring
 * team's (hiring managers over their positions only).
 */
export function canReadInterviewerRecord(user: AuthUser, interviewerId: string): boolean {
  return !isApiKey(user) && (user.id === interviewerId || isHiringTeam(user));
}

/**
 * The hiring manager whose positions bound what this caller reads of an interviewer's record
 * (calibration, pending scorecards): none for admins, recruiters and the interviewer themself.
 */
export function recordScopeFor(user: AuthUser, interviewerId: string): string | undefined {
  return seesEverything(user) || user.id === interviewerId ? undefined : user.id;
}

/** The SQL narrowing of interview lists. */
export function interviewListScope(user: AuthUser): ListScope {
  if (seesEverything(user)) return { kind: 'all' };
  return hasRole(user, Role.HiringManager) ? { kind: 'managed', userId: user.id } : { kind: 'panel', userId: user.id };
}

/** The hiring manager that position and candidate lists are narrowed to (undefined: every position). */
export function managedBy(user: AuthUser): string | undefined {
  assertHiringTeam(user);
  return seesEverything(user) ? undefined : user.id;
}

/** 403 for roles that never work with positions and candidates directly. */
export function assertHiringTeam(
  user: AuthUser,
  message = 'Interviewers see positions and candidates through their interviews',
): void {
  if (!isHiringTeam(user)) throw new ForbiddenException(message);
}

/** 404: what the caller may not see does not exist for them. */
export function assertVisible(visible: boolean, what: string, id: string): void {
  if (!visible) throw new NotFoundException(`${what} ${id} not found`);
}

/** 403: the caller sees the resource but their role may not do this to it. */
export function assertAllowed(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenException(message);
}

/** A position the caller must manage: 404 if they may not see it. */
export function assertManagesPosition(
  user: AuthUser,
  position: PositionFacts & { id: string },
  what = 'Position',
): void {
  assertVisible(canManagePosition(user, position), what, position.id);
}

/** The evaluation (advance, reject, hire…) on a candidate: admins and the hiring manager of the candidate's own position. */
export function canDecide(user: AuthUser, position: PositionFacts): boolean {
  return hasRole(user, Role.Admin) || (hasRole(user, Role.HiringManager) && position.hiringManagerId === user.id);
}

/**
 * The hiring home: admins (every position) and hiring managers (theirs). Returns the manager the
 * home is narrowed to, undefined for every position; 403 for the other roles.
 */
export function hiringHomeScope(user: AuthUser): string | undefined {
  assertAllowed(hasRole(user, Role.Admin, Role.HiringManager), 'The hiring home is for hiring managers and admins');
  return hasRole(user, Role.Admin) ? undefined : user.id;
}
