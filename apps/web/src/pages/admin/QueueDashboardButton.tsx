import { useState } from 'react';
import { api, call } from '../../api/client';
import { describeError } from '../../api/errors';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';

const DASHBOARD = '/admin/queues';

/**
 * Opens the queue dashboard in a new tab. A new tab cannot carry the bearer token, so the API
 * first sets an HttpOnly cookie scoped to /admin/queues (POST /auth/dashboard-session).
 */
export function QueueDashboardButton({ className = 'btn' }: { className?: string }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      await call(api.POST('/api/v1/auth/dashboard-session'));
      const tab = window.open(DASHBOARD, '_blank');
      if (tab) tab.opener = null;
      else setBlocked(true);
    } catch (e) {
      toast(`Could not open the queue dashboard. ${describeError(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={open} disabled={busy}>
        <Icon name="queue" /> {busy ? 'Opening…' : 'Queue dashboard'} <Icon name="external" size={14} />
      </button>
      {blocked && (
        // the browser blocked the new tab: the cookie is set, so a plain link works
        <a className="btn btn--ghost" href={DASHBOARD} target="_blank" rel="noopener">
          Open it here
        </a>
      )}
    </>
  );
}
