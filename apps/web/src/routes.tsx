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
  /** Set to list the page in the navigation, under its section. */
  nav?: { label: string; icon: IconName; section: NavSection };
}

/** The navigation's sections, in the order they are shown. */
export const NAV_SECTIONS = ['Recruiting', 'Interviewing', 'Hiring', 'Admin'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

const RECRUITING: Role[] = ['recruiter', 'admin'];

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
  { path: '/question-sets/:id', page: lazy(() => import('./pages/recruiter/QuestionSetPage')), roles: RECRUITING },
];

export function canOpen(route: PageRoute, roles: readonly Role[]): boolean {
  return !route.roles || route.roles.some((r) => roles.includes(r));
}
