import { useEffect, useRef, useState, type RefObject } from 'react';
import { RECOMMENDATIONS, RECOMMENDATION_LABEL, SCALE_LABEL, type Recommendation } from '../shared';
import type { Agreement, GroupSummary, RecommendationCounts } from '../types';
import { plural } from '../../../lib/plural';

/** The width of an element, kept up to date, so that SVG is drawn at real pixels (text never shrinks). */
function useWidth<T extends HTMLElement>(fallback = 560): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(220, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const label = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** Mean rating colour along the 1–4 scale: red for no, green for yes. */
function ratingColour(mean: number): string {
  if (mean < 1.75) return 'var(--rec-strong-no)';
  if (mean < 2.5) return 'var(--rec-no)';
  if (mean < 3.25) return 'var(--rec-yes)';
  return 'var(--rec-strong-yes)';
}

/**
 * Horizontal bars of mean ratings on the 1–4 scale, one per group (question type, competency),
 * with the spread as a whisker. role="img" with a full description, and the numbers in a table for
 * screen readers.
 */
export function RatingBars({ title, groups, id }: { title: string; groups: GroupSummary[]; id: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rows = groups.filter((g) => g.count > 0 || g.mean !== null);
  const narrow = width < 440;
  const labelW = narrow ? 0 : Math.min(180, Math.max(110, width * 0.28));
  const valueW = 44;
  const rowH = narrow ? 46 : 34;
  const top = 6;
  const axisH = 24;
  const plotX = labelW + 4;
  const plotW = width - plotX - valueW;
  const x = (v: number) => plotX + ((v - 1) / 3) * plotW;
  const height = top + rows.length * rowH + axisH;
  const description = `${title}, mean rating from 1 (strong no) to 4 (strong yes): ${rows.map((g) => `${label(g.key)} ${fmt(g.mean)} of 4 from ${g.count} ${g.count === 1 ? 'rating' : 'ratings'}`).join('; ')}.`;

  if (!rows.length)
    return <p className="muted hm-chart-empty">No ratings yet: they appear once scorecards are submitted.</p>;
  return (
    <figure className="hm-chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description} id={id}>
        {[1, 2, 3, 4].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top - 2} y2={top + rows.length * rowH} className="hm-grid" />
            <text
              x={x(t)}
              y={height - 6}
              textAnchor={t === 1 ? 'start' : t === 4 ? 'end' : 'middle'}
              className="hm-axis"
            >
              {t} {narrow ? '' : SCALE_LABEL[t].toLowerCase()}
            </text>
          </g>
        ))}
        <line x1={x(2.5)} x2={x(2.5)} y1={top - 2} y2={top + rows.length * rowH} className="hm-grid hm-grid--mid" />
        {rows.map((g, i) => {
          const y = top + i * rowH;
          const barY = narrow ? y + 20 : y + 7;
          const barH = narrow ? 16 : 20;
          const mean = g.mean ?? 1;
          const w = Math.max(3, x(mean) - plotX);
          return (
            <g key={g.key} className="hm-bar-row">
              <text
                x={narrow ? plotX : labelW}
                y={narrow ? y + 13 : y + 21}
                textAnchor={narrow ? 'start' : 'end'}
                className="hm-bar-label"
              >
                {label(g.key)}
                {narrow ? <tspan className="hm-axis"> · {g.count} rated</tspan> : null}
              </text>
              <rect x={plotX} y={barY} width={plotW} height={barH} rx={5} className="hm-bar-track" />
              <rect
                x={plotX}
                y={barY}
                width={w}
                height={barH}
                rx={5}
                className="hm-bar"
                fill={g.mean === null ? 'var(--border-strong)' : ratingColour(mean)}
                data-key={g.key}
                data-value={fmt(g.mean, 2)}
              >
                <title>{`${label(g.key)}: ${fmt(g.mean)} of 4 (${plural(g.count, 'rating')})`}</title>
              </rect>
              {g.spread !== null && g.mean !== null && g.spread > 0 && (
                <line
                  x1={x(Math.max(1, mean - g.spread))}
                  x2={x(Math.min(4, mean + g.spread))}
                  y1={barY + barH / 2}
                  y2={barY + barH / 2}
                  className="hm-whisker"
                />
              )}
              <text x={width - 4} y={barY + barH / 2 + 5} textAnchor="end" className="hm-bar-value">
                {fmt(g.mean)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Mean rating (1–4)</th>
              <th scope="col">Spread</th>
              <th scope="col">Ratings</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key}>
                <th scope="row">{label(g.key)}</th>
                <td>{fmt(g.mean, 2)}</td>
                <td>{fmt(g.spread, 2)}</td>
                <td>{g.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const REC_CLASS: Record<Recommendation, string> = {
  strong_no: 'strong-no',
  no: 'no',
  yes: 'yes',
  strong_yes: 'strong-yes',
};

/** The panel's overall recommendations as one stacked bar (no on the left, yes on the right) with a legend. */
export function RecommendationBar({
  counts,
  id,
  compact = false,
  caption,
}: {
  counts: RecommendationCounts;
  id?: string;
  compact?: boolean;
  caption?: string;
}) {
  const [ref, measured] = useWidth<HTMLDivElement>(560);
  // the compact bar sits in table cells and timelines: a fixed size, so it never widens its cell
  const width = compact ? 100 : measured;
  const total = RECOMMENDATIONS.reduce((s, k) => s + counts[k], 0);
  const h = compact ? 10 : 28;
  const description = `${caption ?? 'Recommendations'}: ${total ? RECOMMENDATIONS.map((k) => `${RECOMMENDATION_LABEL[k]} ${counts[k]}`).join(', ') : 'none yet'}.`;
  let at = 0;
  return (
    <figure className={`hm-chart hm-recs${compact ? ' hm-recs--compact' : ''}`} ref={ref}>
      <svg width={width} height={h} viewBox={`0 0 ${width} ${h}`} role="img" aria-label={description} id={id}>
        <rect x={0} y={0} width={width} height={h} rx={h / 2.8} className="hm-bar-track" />
        {total > 0 &&
          RECOMMENDATIONS.map((k) => {
            if (!counts[k]) return null;
            const w = (counts[k] / total) * width;
            const seg = (
              <g key={k}>
                <rect
                  x={at}
                  y={0}
                  width={w}
                  height={h}
                  className={`hm-rec hm-rec--${REC_CLASS[k]}`}
                  data-key={k}
                  data-value={counts[k]}
                >
                  <title>{`${RECOMMENDATION_LABEL[k]}: ${counts[k]}`}</title>
                </rect>
                {!compact && w > 26 && (
                  <text
                    x={at + w / 2}
                    y={h / 2 + 5}
                    textAnchor="middle"
                    className={`hm-rec-count hm-rec-count--${REC_CLASS[k]}`}
                  >
                    {counts[k]}
                  </text>
                )}
              </g>
            );
            at += w;
            return seg;
          })}
      </svg>
      {!compact && (
        <figcaption className="hm-legend">
          {RECOMMENDATIONS.map((k) => (
            <span key={k} className="hm-legend__item">
              <span className={`hm-swatch hm-rec--${REC_CLASS[k]}`} aria-hidden="true" />
              {RECOMMENDATION_LABEL[k]} <b>{counts[k]}</b>
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

/** Krippendorff's alpha in words a hiring manager can act on. */
export function interpretAlpha(a: Agreement): {
  headline: string;
  detail: string;
  tone: 'good' | 'fair' | 'poor' | 'none';
} {
  if (!a.enoughData || a.alpha === null) {
    return {
      headline: 'Not enough overlapping ratings yet',
      detail: `Agreement needs at least ${a.minimumPairableValues} ratings of criteria that two or more panelists rated (${a.pairableValues} so far).`,
      tone: 'none',
    };
  }
  if (a.alpha >= 0.8)
    return {
      headline: 'The panel agrees',
      detail: 'Their ratings tell the same story: you can rely on the averages.',
      tone: 'good',
    };
  if (a.alpha >= 0.667)
    return {
      headline: 'Mostly in agreement',
      detail: 'Good enough for a tentative conclusion; glance at the criteria where ratings differ.',
      tone: 'fair',
    };
  if (a.alpha >= 0.4)
    return {
      headline: 'Some disagreement',
      detail: 'Panelists saw parts of the interview differently: read their notes before deciding.',
      tone: 'fair',
    };
  return {
    headline: 'The panel disagrees',
    detail: 'Ratings differ a lot between panelists: talk it through in a debrief rather than trusting the averages.',
    tone: 'poor',
  };
}

/** Alpha on a −1…1 track with the usual thresholds (0.667 tentative, 0.8 reliable) marked. */
export function AgreementGauge({ agreement, id }: { agreement: Agreement; id?: string }) {
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const words = interpretAlpha(agreement);
  const h = 46;
  const pad = 8;
  const x = (v: number) => pad + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * (width - 2 * pad);
  const a = agreement.enoughData ? agreement.alpha : null;
  const description =
    a === null
      ? `Agreement (Krippendorff's alpha): ${words.headline}.`
      : `Agreement (Krippendorff's alpha) ${a.toFixed(2)} on a scale from −1 to 1: ${words.headline}.`;
  return (
    <figure className={`hm-chart hm-agreement hm-agreement--${words.tone}`} ref={ref}>
      <div className="hm-agreement__head">
        <span className="hm-agreement__value">{a === null ? 'n/a' : a.toFixed(2)}</span>
        <span>
          <strong>{words.headline}</strong>
          <span className="muted small hm-agreement__what">
            Krippendorff’s alpha across {agreement.units} shared criteria
          </span>
        </span>
      </div>
      <svg width={width} height={h} viewBox={`0 0 ${width} ${h}`} role="img" aria-label={description} id={id}>
        <rect x={x(-1)} y={10} width={x(0.4) - x(-1)} height={10} className="hm-zone hm-zone--poor" />
        <rect x={x(0.4)} y={10} width={x(0.8) - x(0.4)} height={10} className="hm-zone hm-zone--fair" />
        <rect x={x(0.8)} y={10} width={x(1) - x(0.8)} height={10} className="hm-zone hm-zone--good" />
        {[-1, 0, 0.667, 0.8, 1].map((t) => (
          <text
            key={t}
            x={x(t)}
            y={h - 4}
            textAnchor={t === -1 ? 'start' : t === 1 ? 'end' : 'middle'}
            className="hm-axis"
          >
            {t === 0.667 ? '.67' : t === 0.8 ? '.8' : t}
          </text>
        ))}
        {a !== null && (
          <g className="hm-needle" data-value={a.toFixed(2)}>
            <line x1={x(a)} x2={x(a)} y1={4} y2={26} />
            <circle cx={x(a)} cy={4} r={4} />
          </g>
        )}
      </svg>
      <figcaption className="small">{words.detail}</figcaption>
    </figure>
  );
}
