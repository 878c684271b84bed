import { Icon } from '../../../components/Icon';
import { Avatar } from '../shared';
import type { PanelRole } from '../types';
import type { SlotFit } from './PanelPicker';

/** A fixed panel's view of a new time (the reschedule form): each one's local time, and why it may not suit them. */
export function PanelFitList({
  panel,
  fit,
}: {
  panel: Array<{ userId: string; name: string; role: PanelRole }>;
  fit: Map<string, SlotFit>;
}) {
  return (
    <>
      <h3 className="hm-fit-title" id="panel-fit-title">
        The panel at this time
      </h3>
      <ul className="hm-fit-list" aria-labelledby="panel-fit-title">
        {panel.map((p) => {
          const f = fit.get(p.userId);
          return (
            <li key={p.userId} className={f?.warnings.length ? 'is-warned' : undefined}>
              <Avatar name={p.name} size="sm" />
              <span className="hm-fit-list__who">
                <strong>{p.name}</strong>
                <span className="muted small">
                  <Icon name="clock" size={14} /> {f ? f.local : 'Reading their hours…'}
                </span>
                {f && f.warnings.length > 0 && (
                  <span className="text-warn small" role="status">
                    <Icon name="alert" size={14} /> {f.warnings.join(', ').replace(/^./, (c) => c.toUpperCase())}
                  </span>
                )}
              </span>
              <span className={`hm-pill hm-pill--${p.role}`}>{p.role}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
