import { Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { SessionProvider, useSession } from './auth/session';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { ToastProvider } from './components/Toast';
import { ROUTES, canOpen, type PageRoute } from './routes';
import SignInPage from './pages/SignInPage';

const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function Guarded({ route }: { route: PageRoute }) {
  const { user } = useSession();
  if (!user) return null;
  if (!canOpen(route, user.roles)) return <NotFoundPage forbidden />;
  const Page = route.page;
  return <Page />;
}

/** The first page the user may open: where "/" and a fresh sign-in land. */
export function homePath(roles: readonly string[]): string {
  // a hiring manager starts from what waits for them (decisions, overdue scorecards), even one who also interviews
  if (roles.includes('hiring_manager')) return '/home';
  return ROUTES.find((r) => r.nav && canOpen(r, roles as never))?.path ?? '/welcome';
}

function SignedIn() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading label="Signing you in…" />;
  if (user === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <AppShell>
      <PageErrorBoundary resetKey={location.pathname}>
        <Suspense fallback={<Loading label="Loading page…" />}>
          <Routes>
            <Route index element={<Navigate to={homePath(user.roles)} replace />} />
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<Guarded route={r} />} />
            ))}
            <Route path="/welcome" element={<NotFoundPage welcome />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </PageErrorBoundary>
    </AppShell>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <ToastProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="*" element={<SignedIn />} />
          </Routes>
        </ToastProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
