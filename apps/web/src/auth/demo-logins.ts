import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type DemoLogins = components['schemas']['DemoLoginsResponse'];

/**
 * The demo users the server offers (none unless it runs with demo data, never in production), for the
 * sign-in page. A failed call only means no list: signing in by hand still works.
 */
export function useDemoLogins(): DemoLogins | undefined {
  const [logins, setLogins] = useState<DemoLogins>();
  useEffect(() => {
    let cancelled = false;
    api.GET('/api/v1/auth/demo-logins').then(
      ({ data }) => {
        if (!cancelled && data?.demo) setLogins(data);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return logins;
}
