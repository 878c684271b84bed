import type { Role } from '../../api/types';

/** The four roles in the order the admin pages list them, with what each may do. */
export const ROLES: Array<{ role: Role; label: string; does: string }> = [
  { role: 'admin', label: 'Admin', does: 'Users, reminder policy, delivery log' },
  { role: 'recruiter', label: 'Recruiter', does: 'Question sets and guides' },
  { role: 'hiring_manager', label: 'Hiring manager', does: 'Positions, candidates, scheduling' },
  { role: 'interviewer', label: 'Interviewer', does: 'Interview kits and scorecards' },
];

/** The role that colours a person's avatar: the most powerful one they hold. */
export const mainRole = (roles: Role[]): Role | 'none' => ROLES.find((r) => roles.includes(r.role))?.role ?? 'none';

export const roleLabel = (role: Role) => ROLES.find((r) => r.role === role)?.label ?? role;

export function RoleChips({ roles }: { roles: Role[] }) {
  const ordered = ROLES.filter((r) => roles.includes(r.role));
  return (
    <span className="role-chips">
      {ordered.map((r) => (
        <span key={r.role} className={`chip role-chip role-chip--${r.role}`}>
          {r.label}
        </span>
      ))}
    </span>
  );
}

/** The roles as checkboxes styled as chips; a fieldset, so its legend labels the group. */
export function RolePicker({
  value,
  onChange,
  name,
  error,
  legend = 'Roles',
}: {
  value: Role[];
  onChange(roles: Role[]): void;
  name: string;
  error?: string;
  legend?: string;
}) {
  const errorId = error ? `${name}-error` : undefined;
  // always in the order of ROLES, so that the saved list reads the same however it was ticked
  const toggle = (role: Role) =>
    onChange(ROLES.map((r) => r.role).filter((r) => (r === role ? !value.includes(r) : value.includes(r))));
  return (
    <fieldset className={`role-picker${error ? ' field--invalid' : ''}`} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="role-picker__options">
        {ROLES.map((r) => (
          <label key={r.role} className={`role-option${value.includes(r.role) ? ' is-selected' : ''}`}>
            <input
              type="checkbox"
              name={name}
              value={r.role}
              checked={value.includes(r.role)}
              onChange={() => toggle(r.role)}
            />
            <span className="role-option__box" aria-hidden="true" />
            <span className="role-option__text">
              <strong>{r.label}</strong>
              <span>{r.does}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
