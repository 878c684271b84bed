import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, setToken, setUnauthorizedHandler } from '../api/client';
import type { Role, User } from '../api/types';

const STORAGE_KEY = 'scorecards.token';

interface Session {
  /** null while signed out; undefined while the stored token is being checked. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
  hasRole(...roles: Role[]): boolean;
  /** Replaces the signed-in user after they changed themselves (e.g. their timezone on the profile page). */
  updateUser(user: User): void;
}

const SessionContext = createContext<Session | null>(null);

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  setToken(token);
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    /* private mode: the token lives in memory only */
  }
}

/**
 * The signed-in user. The token is kept in memory and in sessionStorage (so a reload keeps the
 * tab signed in, and closing the tab signs out); `/me` gives the roles and the timezone.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(() => (storedToken() ? undefined : null));

  const signOut = useCallback(() => {
    storeToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    const token = storedToken();
    if (!token) return;
    setToken(token);
    call(api.GET('/api/v1/me')).then(setUser, () => signOut());
  }, [signOut]);

  const signIn = useCallback(async (email: string, password: string) => {
    const login = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
    storeToken(login.accessToken);
    setUser(await call(api.GET('/api/v1/me')));
  }, []);

  const updateUser = useCallback((next: User) => setUser(next), []);

  const value = useMemo<Session>(
    () => ({ user, signIn, signOut, updateUser, hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)) }),
    [user, signIn, signOut, updateUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind the sign-in (the shell renders them only then). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser on a signed-out page');
  return user;
}
