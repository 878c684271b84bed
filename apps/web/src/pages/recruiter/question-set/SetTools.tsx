import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { useToast } from '../../../components/Toast';
import { downloadFile } from '../../hiring/shared';

type Format = 'json' | 'markdown';
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'question-set';

/** The set's exports (JSON re-imports as it is; Markdown reads well) and its rating statistics. */
export function SetTools({ setId, name }: { setId: string; name: string }) {
  const toast = useToast();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<unknown>();
  const download = async (format: Format) => {
    setBusy(format);
    setError(undefined);
    try {
      const request = api.GET('/api/v1/question-sets/{id}/export', {
        params: { path: { id: setId }, query: { format } },
        parseAs: format === 'json' ? 'text' : 'blob',
      });
      const file = await downloadFile(request, `${slug(name)}.${format === 'json' ? 'json' : 'md'}`);
      toast(`Downloaded ${file}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="set-tools">
      <Link className="btn btn--small" to={`/question-sets/${setId}/stats`}>
        <Icon name="queue" size={14} /> Rating statistics
      </Link>
      <button type="button" className="btn btn--small" onClick={() => void download('json')} disabled={busy !== null}>
        <Icon name="import" size={14} /> {busy === 'json' ? 'Preparing…' : 'Export JSON'}
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => void download('markdown')}
        disabled={busy !== null}
      >
        <Icon name="import" size={14} /> {busy === 'markdown' ? 'Preparing…' : 'Export Markdown'}
      </button>
      {error ? <ErrorNotice error={error} title="The export could not be downloaded" /> : null}
    </div>
  );
}
