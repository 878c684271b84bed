import { Link } from 'react-router-dom';
import { EmptyState, PageHeader } from '../components/Page';

/** Unknown address, a page the user's roles do not open, or a user with no pages yet. */
export default function NotFoundPage({ forbidden, welcome }: { forbidden?: boolean; welcome?: boolean }) {
  if (welcome) {
    return (
      <>
        <PageHeader title="Welcome" />
        <EmptyState title="Nothing here for you yet">
          Your account has no pages yet. Ask an admin to give you a role.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={forbidden ? 'Not available' : 'Page not found'} />
      <EmptyState
        title={forbidden ? 'Your account cannot open this page' : 'We could not find that page'}
        action={
          <Link className="btn" to="/">
            Go to your start page
          </Link>
        }
      >
        {forbidden ? 'Ask an admin if you need access.' : 'The link may be wrong, or the page has moved.'}
      </EmptyState>
    </>
  );
}
