import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ImportPreview } from '../../api/types';
import { TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Card, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { plural } from '../../lib/plural';

type Format = 'auto' | 'text' | 'markdown' | 'json';

export default function ImportGuidePage() {
  const navigate = useNavigate();
  const toast = useToast();
  const [content, setContent] = useState('');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<Format>('auto');
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const body = () => ({ content, format, name: name.trim() || undefined });
  const runPreview = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy('preview');
    setError(undefined);
    try {
      setPreview(await call(api.POST('/api/v1/question-sets/import/preview', { body: body() })));
    } catch (err) {
      setPreview(undefined);
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const save = async () => {
    setBusy('save');
    setError(undefined);
    try {
      const { set } = await call(api.POST('/api/v1/question-sets/import', { body: body() }));
      toast(`Saved "${set.name}" as a draft with ${plural(set.questionCount, 'question')}`);
      void navigate(`/question-sets/${set.id}`);
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };
  /** Puts the caret on a reported line, so the recruiter can fix the guide there. */
  const goToLine = (line: number) => {
    const el = textarea.current;
    if (!el) return;
    const lines = content.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const line = apiError?.detail<number>('line');
  const contentError =
    apiError?.forField('content') ??
    (apiError?.status === 422 ? `${apiError.message}${line ? ` (line ${line})` : ''}` : undefined);
  const edited = () => preview && setPreview(undefined);

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/question-sets">Question sets</Link>}
        title="Import a guide"
        subtitle="Paste an interview guide as plain text, Markdown or a JSON export. Check what was recognised before you save it as a draft."
      />
      <div className="import-layout">
        <form className="card stack" onSubmit={runPreview} noValidate>
          <Field
            id="guide"
            label="Guide"
            error={contentError}
            hint="Headings such as “Technical questions”, “Follow-up questions” and “What to look for” are recognised."
          >
            <textarea
              ref={textarea}
              className="mono"
              rows={18}
              value={content}
              spellCheck={false}
              onChange={(e) => {
                setContent(e.target.value);
                edited();
              }}
              placeholder={
                'Backend Engineer Interview Guide\n\nTechnical questions\n1. How would you design …\nFollow-up questions\n- …\nWhat to look for\n…'
              }
            />
          </Field>
          <div className="grid-2">
            <Field
              id="guide-name"
              label="Set name"
              hint="Optional: the guide's title is used otherwise."
              error={apiError?.forField('name')}
            >
              <input value={name} onChange={(e) => (setName(e.target.value), edited())} />
            </Field>
            <Field id="guide-format" label="Format" error={apiError?.forField('format')}>
              <select value={format} onChange={(e) => (setFormat(e.target.value as Format), edited())}>
                <option value="auto">Detect automatically</option>
                <option value="text">Plain text</option>
                <option value="markdown">Markdown</option>
                <option value="json">JSON export</option>
              </select>
            </Field>
          </div>
          {error && !contentError && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
          <div className="form-actions">
            <button className="btn btn--primary" disabled={!content.trim() || busy !== null}>
              {busy === 'preview' ? 'Reading the guide…' : 'Preview import'}
            </button>
          </div>
        </form>
        <div className="import-report" aria-live="polite">
          {preview ? (
            <Report preview={preview} onLine={goToLine} onSave={save} saving={busy === 'save'} />
          ) : (
            <Card className="card--muted">
              <h2 className="h3">What you will see</h2>
              <p className="muted">
                After a preview: how many questions, follow-ups and criteria were found, which types were guessed, and
                any lines that need a look, with their line numbers.
              </p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

function Report({
  preview,
  onLine,
  onSave,
  saving,
}: {
  preview: ImportPreview;
  onLine(line: number): void;
  onSave(): void;
  saving: boolean;
}) {
  const { report, questions } = preview;
  const missingCriteria = questions.filter((q) => q.criteria.length === 0).length;
  const LineButton = ({ line }: { line: number }) => (
    <button type="button" className="line-no" onClick={() => onLine(line)} title="Show this line in the guide">
      Line {line}
    </button>
  );
  return (
    <section className="card stack" aria-labelledby="report-title">
      <div className="card__head">
        <h2 id="report-title">Import report</h2>
        <span className="muted small">
          Read as {report.format === 'json' ? 'JSON' : report.format === 'markdown' ? 'Markdown' : 'plain text'}
        </span>
      </div>
      <p className="report-name">
        <span className="muted">Set name</span> <strong>{preview.name}</strong>
      </p>
      <dl className="stats">
        <div>
          <dt>Questions</dt>
          <dd>{report.questions}</dd>
        </div>
        <div>
          <dt>Follow-ups</dt>
          <dd>{report.followUps}</dd>
        </div>
        <div>
          <dt>Criteria</dt>
          <dd>{report.criteria}</dd>
        </div>
      </dl>
      {missingCriteria > 0 && (
        <div className="notice notice--warn">
          <Icon name="alert" />
          <p>
            {missingCriteria === 1 ? 'One question has' : `${missingCriteria} questions have`} no “what to look for”
            criteria. You can save now and add them before publishing.
          </p>
        </div>
      )}
      <h3 className="h3">Questions found</h3>
      <ol className="found-list">
        {questions.map((q, i) => (
          <li key={i}>
            <LineButton line={q.line} />
            <div>
              <p className="found-list__prompt">{q.prompt}</p>
              <div className="found-list__meta">
                <TypeChip type={q.type} inferred={q.typeInferred} />
                <span>{plural(q.followUps.length, 'follow-up')}</span>
                <span className={q.criteria.length ? '' : 'text-warn'}>
                  {q.criteria.length ? plural(q.criteria.length, 'criterion', 'criteria') : 'No criteria'}
                </span>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <ReportLines title="Warnings" tone="warn" lines={report.warnings} LineButton={LineButton} />
      <ReportLines title="Types guessed from the wording" tone="info" lines={report.inferred} LineButton={LineButton} />
      <ReportLines title="Lines skipped" tone="muted" lines={report.skipped} LineButton={LineButton} />
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onSave} disabled={saving || questions.length === 0}>
          {saving ? 'Saving…' : `Save as draft (${plural(questions.length, 'question')})`}
        </button>
      </div>
    </section>
  );
}

function ReportLines({
  title,
  lines,
  tone,
  LineButton,
}: {
  title: string;
  lines: Array<{ line: number; message: string }>;
  tone: string;
  LineButton(p: { line: number }): ReactNode;
}) {
  if (!lines.length) return null;
  return (
    <details className={`report-lines report-lines--${tone}`} open={tone === 'warn'}>
      <summary>
        {title} <span className="count">{lines.length}</span>
      </summary>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>
            <LineButton line={l.line} />
            <span>{l.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
