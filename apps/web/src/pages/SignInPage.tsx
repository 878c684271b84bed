import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { ApiError, describeError } from '../api/errors';
import { useDemoLogins, type DemoLogins } from '../auth/demo-logins';
import { useSession } from '../auth/session';
import { SSO_START_URL, ssoErrorMessage, useSsoConfig } from '../auth/sso';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import '../styles/demo-logins.css';

const PREVIEW: Array<[string, number]> = [
  ['Chooses the algorithm for the traffic', 4],
  ['Keeps state consistent across servers', 3],
  ['Explains the trade-offs', 4],
];

/** The demo users, each one click away: it fills the form and signs in. */
function DemoAccounts({
  logins,
  busy,
  onPick,
}: {
  logins: DemoLogins;
  busy: boolean;
  onPick(email: string, password: string): void;
}) {
  return (
    <section className="demo-logins" aria-labelledby="demo-logins-title">
      <h2 id="demo-logins-title">Demo accounts</h2>
      <p className="muted">
        This server runs with demo data. Every demo user's password is <code>{logins.password}</code>; pick one to sign
        in.
      </p>
      {/* the buttons' names start with the person, not "Sign in": the form's own button keeps that name alone */}
      <ul className="demo-logins__list">
        {logins.users.map((u) => (
          <li key={u.email}>
            <button
              type="button"
              className="demo-logins__user"
              disabled={busy}
              onClick={() => onPick(u.email, logins.password ?? '')}
            >
              <strong>{u.name}</strong>
              <span className="demo-logins__role">{u.label}</span>
              <span className="demo-logins__email">{u.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function SignInPage() {
  const { user, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const demo = useDemoLogins();
  const sso = useSsoConfig();
  const [params] = useSearchParams();
  const ssoError = ssoErrorMessage(params.get('sso_error'));
  // with password sign-in off, the form is only for the break-glass admin: folded away behind a link
  const [showPassword, setShowPassword] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Scorecards';
  }, []);

  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const signInWith = async (withEmail: string, withPassword: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(withEmail.trim(), withPassword);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signInWith(email, password);
  };
  const pickDemo = (demoEmail: string, demoPassword: string) => {
    setEmail(demoEmail);
    setPassword(demoPassword);
    void signInWith(demoEmail, demoPassword);
  };
  const passwordFormHidden = sso?.passwordLogin === false && !showPassword;
  const apiError = error instanceof ApiError ? error : undefined;
  const emailError = apiError?.forField('email');
  const passwordError = apiError?.forField('password');
  const general = error && !emailError && !passwordError ? describeError(error) : undefined;

  return (
    <div className="signin">
      <div className="signin__panel">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            <Icon name="check" size={18} />
          </span>
          Scorecards
        </div>
        <main>
          <h1>Sign in</h1>
          <p className="muted">Structured interviews: fair to candidates, quick for your team.</p>
          {ssoError && (
            <div className="notice notice--error" role="alert">
              <Icon name="alert" />
              <p>{ssoError}</p>
            </div>
          )}
          {sso?.enabled && (
            <a className="btn btn--primary btn--block" href={SSO_START_URL}>
              Sign in with {sso.providerName}
            </a>
          )}
          {/* two buttons alike, one above the other, read as one choice without this */}
          {sso?.enabled && !passwordFormHidden && <p className="muted">Or with your password:</p>}
          {passwordFormHidden && (
            <p className="muted">
              <button type="button" className="btn btn--ghost" onClick={() => setShowPassword(true)}>
                Administrator sign-in with a password
              </button>
            </p>
          )}
          {!passwordFormHidden && (
            <form onSubmit={submit} noValidate className="stack">
              {general && (
                <div className="notice notice--error" role="alert">
                  <Icon name="alert" />
                  <p>{general}</p>
                </div>
              )}
              <Field id="email" label="Work email" error={emailError}>
                <input
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  required
                />
              </Field>
              <Field id="password" label="Password" error={passwordError}>
                <input
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
              </Field>
              <button className="btn btn--primary btn--block" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
          )}
          {demo && <DemoAccounts logins={demo} busy={busy} onPick={pickDemo} />}
        </main>
      </div>
      <aside className="signin__aside" aria-hidden="true">
        <div className="signin__showcase">
          <p className="signin__tagline">
            Every interviewer rates the same criteria. Nobody sees another scorecard before submitting their own.
          </p>
          <div className="preview-card">
            <div className="preview-card__head">
              <span className="chip chip--technical">Technical</span>
              <span>Design a rate limiter</span>
            </div>
            {PREVIEW.map(([label, rating]) => (
              <div className="preview-card__row" key={label}>
                <span>{label}</span>
                <span className="preview-card__scale">
                  {[1, 2, 3, 4].map((n) => (
                    <i key={n} className={n === rating ? 'is-on' : undefined}>
                      {n}
                    </i>
                  ))}
                </span>
              </div>
            ))}
            <div className="preview-card__foot">
              <span>Recommendation</span>
              <strong>Strong yes</strong>
            </div>
          </div>
        </div>
      </aside>
    </div>
  );
}
