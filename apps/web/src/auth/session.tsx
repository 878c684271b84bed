import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, endSession, refreshSession, setToken, setUnauthorizedHandler } from '../api/client';
import type { Role, User } from '../api/types';
import { clearAllDrafts } from '../pages/interviewer/scorecard/draft';

/** Where the page once kept the token; removed on start so that no old copy outlives this version. */
const LEGACY_TOKEN_KEY = 'scorecards.token';
/** Tells the other tabs of this browser that the user signed out, so that they do at once too. */
const CHANNEL = 'scorecards.session';

interface Session {
  /** null while signed out; undefined while the refresh cookie is being tried. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  /** Replaces the signed-in user after they changed themselves (e.g. their timezone on the profile page). */
  updateUser(user: User): void;
}

const SessionContext = createContext<Session | null>(null);

function forgetStoredData(): void {
  clearAllDrafts();
  try {
    sessionStorage.removeItem(LEGACY_TOKEN_KEY);
  } catch {
    /* storage disabled: nothing was kept */
  }
}

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

/**
 * The signed-in user. The access token is kept in memory only; on start (a reload, a new tab, a
 * link from a reminder email) the HttpOnly refresh cookie is exchanged for one, so the page opens
 * signed in without any token in web storage. `user` is undefined until that answer arrives.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  /** The API refused us (expired sign-in, deactivated user): local state only, drafts stay for the next sign-in. */
  const dropSession = useCallback(() => {
    setToken(null);
    setUser(null);
  }, []);

  const signOut = useCallback(async () => {
    await endSession();
    forgetStoredData();
    setUser(null);
    // once more after the pages have unmounted: a save answered in between may have re-written its draft
    setTimeout(forgetStoredData, 0);
    const bc = channel();
    bc?.postMessage('signed-out');
    bc?.close();
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(dropSession);
    try {
      sessionStorage.removeItem(LEGACY_TOKEN_KEY);
    } catch {
      /* storage disabled */
    }
    let cancelled = false;
    void refreshSession().then((session) => {
      if (!cancelled) setUser(session?.user ?? null);
    });
    const bc = channel();
    if (bc) {
      bc.onmessage = () => {
        setToken(null);
        setUser(null);
      };
    }
    return () => {
      cancelled = true;
      bc?.close();
    };
  }, [dropSession]);

  const signIn = useCallback(async (email: string, password: string) => {
    const login = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
    setToken(login.accessToken);
    setUser(login.user);
  }, []);

  const updateUser = useCallback((next: User) => setUser(next), []);

  const value = useMemo<Session>(
    () => ({
      user,
      signIn,
      signOut,
      updateUser,
      hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
    }),
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
