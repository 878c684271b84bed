import { ApiError, describeError } from '../api/errors';
import { Icon } from './Icon';

/** An error from the API in plain words, with the request id support needs and an optional retry. */
export function ErrorNotice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (!error) return null;
  // a 5xx message already quotes the reference
  const requestId = error instanceof ApiError && error.status > 0 && error.status < 500 ? error.requestId : null;
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        {title && <strong>{title}</strong>}
        <p>{describeError(error)}</p>
        {requestId && <p className="notice__ref">Reference {requestId}</p>}
      </div>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
