import { Link } from 'react-router-dom';
import type { InterviewKit } from '../../../api/types';
import { PageHeader } from '../../../components/Page';
import { useWhen } from '../shared';

/** The scorecard's heading, the same while filling it and after submitting. */
export function ScorecardHeader({ kit }: { kit: InterviewKit }) {
  const w = useWhen();
  return (
    <PageHeader
      eyebrow={<Link to={`/interviews/${kit.id}`}>Interview kit</Link>}
      title={`Scorecard · ${kit.candidate.name}`}
      subtitle={
        <>
          {kit.title} · {kit.position.title} · {w.date(kit.start)}
        </>
      }
    />
  );
}
