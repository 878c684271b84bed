import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useUser, useSession } from '../auth/session';
import { NAV_SECTIONS, ROUTES, inNav } from '../routes';
import { Icon } from './Icon';

const ROLE_LABEL: Record<string, string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
};

/** The frame of every signed-in page: navigation (a sidebar, a drawer on phones) and the content. */
export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [location.pathname]);
  // Escape closes the phone menu and gives focus back to the button that opened it
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const entries = ROUTES.filter((r) => inNav(r, user.roles));
  const initials = user.name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

  return (
    <div className={`shell${open ? ' shell--nav-open' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          ref={menuButton}
          className="icon-btn"
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name={open ? 'close' : 'menu'} />
          <span className="visually-hidden">{open ? 'Close menu' : 'Open menu'}</span>
        </button>
        <Brand />
      </header>
      <aside className="sidebar" id="sidebar">
        <Brand />
        <nav aria-label="Main">
          {NAV_SECTIONS.map((section) => {
            const items = entries.filter((r) => r.nav!.section === section);
            if (!items.length) return null;
            return (
              <div className="nav-section" key={section}>
                <h2 className="nav-section__title">{section}</h2>
                <ul>
                  {items.map((r) => (
                    <li key={r.path}>
                      <NavLink to={r.path} end className="nav-link">
                        <Icon name={r.nav!.icon} />
                        {r.nav!.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <div className="sidebar__user">
          <NavLink to="/profile" className="sidebar__profile" title="Your profile: timezone and notifications">
            <span className="avatar" aria-hidden="true">
              {initials}
            </span>
            <div className="sidebar__who">
              <strong>{user.name}</strong>
              <span>{user.roles.map((r) => ROLE_LABEL[r] ?? r).join(', ')}</span>
              <span className="sidebar__tz">
                <Icon name="clock" size={13} /> {user.timezone}
              </span>
              <span className="visually-hidden">Your profile</span>
            </div>
          </NavLink>
          <button type="button" className="icon-btn" onClick={signOut} title="Sign out">
            <Icon name="signOut" />
            <span className="visually-hidden">Sign out</span>
          </button>
        </div>
      </aside>
      <div className="scrim" onClick={() => setOpen(false)} aria-hidden="true" />
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function Brand() {
  return (
    <NavLink to="/" className="brand" aria-label="Scorecards home">
      <span className="brand__mark" aria-hidden="true">
        <Icon name="check" size={16} />
      </span>
      Scorecards
    </NavLink>
  );
}
