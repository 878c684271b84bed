import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './api/types';
import type { IconName } from './components/Icon';

export interface PageRoute {
  /** react-router path. */
  path: string;
  /** One file per page under pages/<area>/, loaded on first visit (keeps the first load small). */
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open the page; absent means every signed-in user. */
  roles?: Role[];
  /** Set to list the page in the navigation, under its section; `roles` narrows who sees the entry. */
  nav?: { label: string; icon: IconName; section: NavSection; roles?: Role[] };
}

/** The navigation's sections, in the order they are shown. */
export const NAV_SECTIONS = ['Recruiting', 'Interviewing', 'Hiring', 'Admin'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

const RECRUITING: Role[] = ['recruiter', 'admin'];
/** Hiring pages: hiring managers for their positions; recruiters schedule and manage candidates for every position. */
const HIRING: Role[] = ['hiring_manager', 'recruiter', 'admin'];

/**
 * Every page of the app. To add one: create pages/<area>/<Name>Page.tsx with a default export,
 * add a line here (with `nav` when it belongs in the navigation), and it is routed, guarded by
 * role and listed for the users who may open it.
 */
export const ROUTES: PageRoute[] = [
  {
    path: '/question-sets',
    page: lazy(() => import('./pages/recruiter/QuestionSetsPage')),
    roles: RECRUITING,
    nav: { label: 'Question sets', icon: 'library', section: 'Recruiting' },
  },
  {
    path: '/question-sets/import',
    page: lazy(() => import('./pages/recruiter/ImportGuidePage')),
    roles: RECRUITING,
    nav: { label: 'Import a guide', icon: 'import', section: 'Recruiting' },
  },
  // who may fill a pool's seat on a panel: recruiters run it, so it sits with their pages
  {
    path: '/settings/interviewer-pools',
    page: lazy(() => import('./pages/admin/InterviewerPoolsPage')),
    roles: RECRUITING,
    nav: { label: 'Interviewer pools', icon: 'users', section: 'Recruiting' },
  },
  { path: '/question-sets/:id', page: lazy(() => import('./pages/recruiter/QuestionSetPage')), roles: RECRUITING },
  // how each question of a set is rated; linked from the set's page
  {
    path: '/question-sets/:id/stats',
    page: lazy(() => import('./pages/recruiter/QuestionStatsPage')),
    roles: RECRUITING,
  },
  {
    path: '/my-interviews',
    page: lazy(() => import('./pages/interviewer/MyInterviewsPage')),
    roles: ['interviewer'],
    nav: { label: 'My interviews', icon: 'calendar', section: 'Interviewing' },
  },
  // the kit: anyone who may read the interview (the API answers 404 otherwise); reminders link here
  { path: '/interviews/:id', page: lazy(() => import('./pages/interviewer/InterviewKitPage')) },
  {
    path: '/interviews/:id/scorecard',
    page: lazy(() => import('./pages/interviewer/ScorecardPage')),
    roles: ['interviewer'],
  },
  {
    path: '/home',
    page: lazy(() => import('./pages/hiring/HiringHomePage')),
    roles: ['hiring_manager', 'admin'],
    nav: { label: 'Home', icon: 'home', section: 'Hiring' },
  },
  {
    path: '/positions',
    page: lazy(() => import('./pages/hiring/PositionsPage')),
    roles: HIRING,
    nav: { label: 'Positions', icon: 'library', section: 'Hiring' },
  },
  {
    path: '/candidates',
    page: lazy(() => import('./pages/hiring/CandidatesPage')),
    roles: HIRING,
    nav: { label: 'Candidates', icon: 'users', section: 'Hiring' },
  },
  {
    path: '/hiring/interviews/new',
    page: lazy(() => import('./pages/hiring/ScheduleInterviewPage')),
    roles: HIRING,
    nav: { label: 'Schedule interview', icon: 'calendar', section: 'Hiring' },
  },
  { path: '/positions/:id', page: lazy(() => import('./pages/hiring/PositionPage')), roles: HIRING },
  { path: '/positions/:id/compare', page: lazy(() => import('./pages/hiring/PositionComparisonPage')), roles: HIRING },
  { path: '/positions/:id/plan', page: lazy(() => import('./pages/hiring/PositionPlanPage')), roles: HIRING },
  { path: '/positions/:id/pipeline', page: lazy(() => import('./pages/hiring/PipelinePage')), roles: HIRING },
  { path: '/candidates/:id', page: lazy(() => import('./pages/hiring/CandidatePage')), roles: HIRING },
  { path: '/candidates/:id/summary', page: lazy(() => import('./pages/hiring/CandidateSummaryPage')), roles: HIRING },
  {
    path: '/candidates/:id/debrief',
    page: lazy(() => import('./pages/hiring/DebriefPage')),
    roles: ['hiring_manager', 'recruiter', 'admin'],
  },
  { path: '/hiring/interviews/:id', page: lazy(() => import('./pages/hiring/InterviewPage')), roles: HIRING },
  // the API lets an interviewer read only their own; the hiring team reads everyone's (recruiters reach it from the pools page)
  {
    path: '/interviewers/calibration',
    page: lazy(() => import('./pages/hiring/CalibrationPage')),
    roles: HIRING,
    nav: { label: 'Calibration', icon: 'users', section: 'Hiring', roles: ['hiring_manager', 'admin'] },
  },
  {
    path: '/settings/users',
    page: lazy(() => import('./pages/admin/UsersPage')),
    roles: ['admin'],
    nav: { label: 'Users and roles', icon: 'users', section: 'Admin' },
  },
  {
    path: '/settings/reminders',
    page: lazy(() => import('./pages/admin/ReminderPolicyPage')),
    roles: ['admin'],
    nav: { label: 'Reminder policy', icon: 'bell', section: 'Admin' },
  },
  {
    path: '/settings/rejection-reasons',
    page: lazy(() => import('./pages/admin/RejectionReasonsPage')),
    roles: ['admin'],
    nav: { label: 'Rejection reasons', icon: 'queue', section: 'Admin' },
  },
  {
    path: '/settings/delivery-log',
    page: lazy(() => import('./pages/admin/DeliveryLogPage')),
    roles: ['admin'],
    nav: { label: 'Delivery log', icon: 'inbox', section: 'Admin' },
  },
  {
    path: '/settings/webhooks',
    page: lazy(() => import('./pages/admin/WebhooksPage')),
    roles: ['admin'],
    nav: { label: 'Webhooks', icon: 'external', section: 'Admin' },
  },
  {
    path: '/settings/api-keys',
    page: lazy(() => import('./pages/admin/ApiKeysPage')),
    roles: ['admin'],
    nav: { label: 'API keys', icon: 'external', section: 'Admin' },
  },
  // admins only, as the API allows; linked from the delivery log and from users and roles
  { path: '/settings/audit-trail', page: lazy(() => import('./pages/admin/AuditTrailPage')), roles: ['admin'] },
  // where /admin/queues sends a tab without its cookie: signs in to the dashboard and goes back
  { path: '/queue-dashboard', page: lazy(() => import('./pages/admin/QueueDashboardPage')), roles: ['admin'] },
  // every signed-in user's own page, linked from the user menu in the sidebar (not a nav entry)
  { path: '/profile', page: lazy(() => import('./pages/account/ProfilePage')) },
];

export function canOpen(route: PageRoute, roles: readonly Role[]): boolean {
  return !route.roles || route.roles.some((r) => roles.includes(r));
}

/** Whether the page is listed in this user's navigation. */
export function inNav(route: PageRoute, roles: readonly Role[]): boolean {
  return !!route.nav && canOpen(route, roles) && (!route.nav.roles || route.nav.roles.some((r) => roles.includes(r)));
}
