import { Icon } from '../../../components/Icon';
import type { Coverage, PlanDraft } from './draft';
import { plural } from '../../../lib/plural';

/** "2 interviews · 3 interviewers", or a dash (read as "not assessed") when none. */
function CellText({ interviews, interviewers }: { interviews: number; interviewers: number }) {
  if (!interviews)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not assessed</span>
      </>
    );
  return (
    <>
      {plural(interviews, 'interview')} · {plural(interviewers, 'interviewer')}
    </>
  );
}

/**
 * Competencies × stages: who assesses what, with how many interviewers. Rows and columns that need
 * attention are marked with words as well as colour (the warnings are also listed above the plan).
 */
export function CoverageMatrix({
  draft,
  coverage,
  preview,
}: {
  draft: PlanDraft;
  coverage: Coverage;
  preview: boolean;
}) {
  const flaggedRow = new Map(coverage.warnings.filter((w) => w.competencyKey).map((w) => [w.competencyKey!, w]));
  const flaggedStage = new Set(coverage.warnings.filter((w) => w.stageKey).map((w) => w.stageKey!));
  const stageName = (key: string, i: number) =>
    draft.stages.find((s) => s.key === key)?.name.trim() || `Stage ${i + 1}`;
  const stageKeys = draft.stages.map((s) => s.key);
  if (!coverage.rows.length)
    return (
      <p className="muted">
        Add competencies to see which interviews assess each of them, and with how many interviewers.
      </p>
    );
  return (
    <div className="pl-matrix-wrap" tabIndex={0} role="region" aria-label="Coverage matrix (scrolls sideways)">
      <table className="pl-matrix">
        <caption className="visually-hidden">
          Coverage: for each competency, the interviews that assess it in each stage and how many interviewers rate it
          {preview ? ' (preview of unsaved changes)' : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            {stageKeys.map((k, i) => (
              <th scope="col" key={k} className={flaggedStage.has(k) ? 'is-flagged' : undefined}>
                <span className="pl-matrix__stage-n" aria-hidden="true">
                  {i + 1}
                </span>{' '}
                {stageName(k, i)}
                {flaggedStage.has(k) && <span className="pl-flag">No interviews</span>}
              </th>
            ))}
            <th scope="col">Whole loop</th>
          </tr>
        </thead>
        <tbody>
          {coverage.rows.map((r) => {
            const warning = flaggedRow.get(r.competencyKey);
            const cells = new Map(r.cells.map((c) => [c.stageKey, c]));
            return (
              <tr key={r.competencyKey} className={warning ? 'is-flagged' : undefined}>
                <th scope="row">
                  {r.name.trim() || 'New competency'}
                  {warning && (
                    <span className="pl-flag">
                      <Icon name="alert" size={14} />{' '}
                      {warning.code === 'competency_not_assessed' ? 'Not assessed' : 'One interviewer'}
                    </span>
                  )}
                </th>
                {stageKeys.map((k) => {
                  const c = cells.get(k) ?? { interviews: 0, interviewers: 0 };
                  return (
                    <td key={k} className={c.interviews ? 'is-covered' : 'is-empty'}>
                      <CellText interviews={c.interviews} interviewers={c.interviewers} />
                    </td>
                  );
                })}
                <td className="pl-matrix__total">{plural(r.totalInterviewers, 'interviewer')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The plan's warnings in words, at the top of the editor. */
export function PlanWarnings({ coverage, preview }: { coverage: Coverage; preview: boolean }) {
  if (!coverage.warnings.length)
    return (
      <div className="notice notice--info pl-warnings" role="status">
        <Icon name="check" />
        <p>Every competency is assessed by more than one interviewer, and every stage has an interview.</p>
      </div>
    );
  return (
    <div className="notice notice--warn pl-warnings" role="status" aria-labelledby="plan-warnings-title">
      <Icon name="alert" />
      <div className="notice__body">
        <strong id="plan-warnings-title">
          {coverage.warnings.length === 1
            ? 'One thing to look at in this plan'
            : `${coverage.warnings.length} things to look at in this plan`}
          {preview ? ' (with your unsaved changes)' : ''}
        </strong>
        <ul className="missing-list" aria-label="Plan warnings">
          {coverage.warnings.map((w, i) => (
            <li key={`${w.code}-${w.competencyKey ?? w.stageKey ?? i}`}>{w.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
