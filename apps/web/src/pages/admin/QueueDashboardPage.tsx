import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/Page';

const DASHBOARD = '/admin/queues';

/**
 * Where /admin/queues sends a tab that has no dashboard cookie (a bookmark, a pasted link): once
 * signed in as an admin, it sets the cookie (POST /auth/dashboard-session) and goes back there.
 */
export default function QueueDashboardPage() {
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void call(api.POST('/api/v1/auth/dashboard-session')).then(
      () => live && window.location.replace(DASHBOARD),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return (
    <>
      <PageHeader
        title="Queue dashboard"
        subtitle="The background jobs: reminders, invitations, calendars. It opens in this tab."
      />
      {error ? (
        <ErrorNotice
          error={error}
          title="The queue dashboard could not be opened"
          onRetry={() => (setError(undefined), setAttempt((n) => n + 1))}
        />
      ) : (
        <Loading label="Opening the queue dashboard…" />
      )}
    </>
  );
}
