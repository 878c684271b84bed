import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { Role } from '../role.enum';
import type { AuthUser } from '../decorators/auth-user.decorator';
import {
  assertManagesPosition,
  canAnswerInvitation,
  canReadRsvpNote,
  canManagePosition,
  canReadInterview,
  canReadInterviewerRecord,
  canReopenScorecard,
  canChangeInterviewerProfile,
  canDecide,
  canReadQuestionSet,
  canWriteQuestionSets,
  interviewListScope,
  isHiringTeam,
  ownsPersonalSettings,
  managedBy,
  oversees,
  recordScopeFor,
} from './access-policy';

const user = (id: string, ...roles: Role[]): AuthUser =>
  ({ id, roles, email: `${id}@example.com`, name: id, timezone: 'UTC' }) as unknown as AuthUser;

const admin = user('admin', Role.Admin);
const recruiter = user('rec', Role.Recruiter);
const hmA = user('hmA', Role.HiringManager);
const ivOn = user('ivOn', Role.Interviewer);
const ivOff = user('ivOff', Role.Interviewer);
const both = user('both', Role.HiringManager, Role.Interviewer);

const positionOfA = { id: 'p-a', hiringManagerId: 'hmA' };
const positionOfB = { id: 'p-b', hiringManagerId: 'hmB' };
const interviewOfA = { hiringManagerId: 'hmA', panelUserIds: ['ivOn'] };
const interviewOfB = { hiringManagerId: 'hmB', panelUserIds: ['ivB', 'both'] };

describe('access policy', () => {
  it('lets admins and recruiters manage every position, a hiring manager only theirs, interviewers none', () => {
    expect([admin, recruiter, hmA, ivOn].map((u) => canManagePosition(u, positionOfA))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([admin, recruiter, hmA, ivOn].map((u) => canManagePosition(u, positionOfB))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // the id alone does not make a manager: the role is needed as well
    expect(canManagePosition(user('hmA', Role.Interviewer), positionOfA)).toBe(false);
  });

  it("shows an interview to its position's managers and its panel only", () => {
    expect([admin, recruiter, hmA, ivOn, ivOff].map((u) => canReadInterview(u, interviewOfA))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([admin, recruiter, hmA, ivOn, ivOff].map((u) => canReadInterview(u, interviewOfB))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    // a hiring manager on another manager's panel reads it as a panelist, not as an overseer
    expect(canReadInterview(both, interviewOfB)).toBe(true);
    expect(oversees(both, interviewOfB)).toBe(false);
  });

  it('answers 404 for a position the caller may not see', () => {
    expect(() => assertManagesPosition(hmA, positionOfB)).toThrow(NotFoundException);
    expect(() => assertManagesPosition(hmA, positionOfA)).not.toThrow();
  });

  it('narrows lists in SQL terms: everything, managed positions, or the panel', () => {
    expect(interviewListScope(admin)).toEqual({ kind: 'all' });
    expect(interviewListScope(recruiter)).toEqual({ kind: 'all' });
    expect(interviewListScope(hmA)).toEqual({ kind: 'managed', userId: 'hmA' });
    expect(interviewListScope(ivOn)).toEqual({ kind: 'panel', userId: 'ivOn' });
    expect(managedBy(admin)).toBeUndefined();
    expect(managedBy(hmA)).toBe('hmA');
    expect(() => managedBy(ivOn)).toThrow(ForbiddenException);
  });

  it("bounds an interviewer's record to the caller's positions unless it is their own or the recruiting team's", () => {
    expect([admin, recruiter, hmA, ivOn, ivOff].map((u) => canReadInterviewerRecord(u, 'ivOn'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(recordScopeFor(admin, 'ivOn')).toBeUndefined();
    expect(recordScopeFor(ivOn, 'ivOn')).toBeUndefined();
    expect(recordScopeFor(hmA, 'ivOn')).toBe('hmA');
  });

  it("lets a scorecard's author and admins reopen it", () => {
    expect([admin, recruiter, hmA, ivOn, ivOff].map((u) => canReopenScorecard(u, 'ivOn'))).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it("lets only the panel answer an invitation; the note is the panelist's and the managers'", () => {
    expect([admin, recruiter, hmA, ivOn, ivOff, both].map((u) => canAnswerInvitation(u, interviewOfA))).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(canAnswerInvitation(both, interviewOfB)).toBe(true);
    expect([admin, recruiter, hmA, ivOn, ivOff].map((u) => canReadRsvpNote(u, interviewOfA, 'ivOn'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(canReadRsvpNote(hmA, interviewOfB, 'ivB')).toBe(false);
    expect(canReadRsvpNote(ivOn, interviewOfA, 'other')).toBe(false);
  });

  describe('an API key', () => {
    const key = (...scopes: string[]): AuthUser => ({
      id: 'key-1',
      email: '',
      name: 'ATS',
      roles: [],
      timezone: 'UTC',
      apiKey: { id: 'key-1', name: 'ATS', scopes },
    });

    it('reads and manages organisation-wide, like a recruiter (its scopes are checked per route by the guard)', () => {
      const k = key('interviews:read');
      expect(isHiringTeam(k)).toBe(true);
      expect([positionOfA, positionOfB].map((p) => canManagePosition(k, p))).toEqual([true, true]);
      expect(canReadInterview(k, interviewOfB)).toBe(true);
      expect(interviewListScope(k)).toEqual({ kind: 'all' });
      expect(managedBy(k)).toBeUndefined();
      // an overseer: it sees submitted scorecards without having one of its own
      expect(oversees(k, interviewOfA)).toBe(true);
    });

    it('never acts as a person: no decisions, invitations, reopening, profiles or personal settings', () => {
      const k = key('interviews:write', 'scorecards:read');
      expect(canDecide(k, positionOfA)).toBe(false);
      expect(canAnswerInvitation(k, { panelUserIds: ['key-1'] })).toBe(false);
      expect(canReopenScorecard(k, 'key-1')).toBe(false);
      expect(canChangeInterviewerProfile(k, 'ivOn')).toBe(false);
      expect(canReadInterviewerRecord(k, 'ivOn')).toBe(false);
      expect(ownsPersonalSettings(k, 'key-1')).toBe(false);
    });

    it('writes question sets, and reads their drafts, only with question_sets:write', () => {
      expect(canWriteQuestionSets(key('question_sets:read'))).toBe(false);
      expect(canReadQuestionSet(key('question_sets:read'), 'draft')).toBe(false);
      expect(canReadQuestionSet(key('question_sets:read'), 'published')).toBe(true);
      expect(canWriteQuestionSets(key('question_sets:write'))).toBe(true);
      expect(canReadQuestionSet(key('question_sets:write'), 'draft')).toBe(true);
    });
  });
});
