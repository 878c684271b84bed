import { planCoverage } from './coverage';

const competencies = [
  { id: 'c1', name: 'System design' },
  { id: 'c2', name: 'Communication' },
  { id: 'c3', name: 'Ownership' },
];

describe('planCoverage', () => {
  it('counts templates and the sum of their panel sizes per competency and stage', () => {
    const { coverage } = planCoverage({
      competencies,
      stages: [
        { id: 's1', name: 'Screen', templates: [{ panelSize: 1, competencyIds: ['c2'] }] },
        {
          id: 's2',
          name: 'Onsite',
          templates: [
            { panelSize: 2, competencyIds: ['c1', 'c2'] },
            { panelSize: 3, competencyIds: ['c1'] },
          ],
        },
      ],
    });
    const cells = (a: [number, number], b: [number, number]) => [
      { stageId: 's1', interviews: a[0], interviewers: a[1] },
      { stageId: 's2', interviews: b[0], interviewers: b[1] },
    ];
    expect(coverage).toEqual([
      { competencyId: 'c1', competencyName: 'System design', totalInterviewers: 5, stages: cells([0, 0], [2, 5]) },
      { competencyId: 'c2', competencyName: 'Communication', totalInterviewers: 3, stages: cells([1, 1], [1, 2]) },
      { competencyId: 'c3', competencyName: 'Ownership', totalInterviewers: 0, stages: cells([0, 0], [0, 0]) },
    ]);
  });

  it('warns about a competency nobody assesses, one only a single interviewer rates, and an empty stage', () => {
    const { warnings } = planCoverage({
      competencies,
      stages: [
        { id: 's1', name: 'Screen', templates: [{ panelSize: 1, competencyIds: ['c2'] }] },
        { id: 's2', name: 'Onsite', templates: [{ panelSize: 2, competencyIds: ['c1'] }] },
        { id: 's3', name: 'Final', templates: [] },
      ],
    });
    expect(warnings.map((w) => [w.code, w.competencyId ?? w.stageId])).toEqual([
      ['competency_single_rater', 'c2'],
      ['competency_not_assessed', 'c3'],
      ['stage_without_interviews', 's3'],
    ]);
    expect(warnings[1].message).toContain('Ownership');
    expect(warnings[2].message).toContain('Final');
  });

  it('counts one rater across stages as two raters, and a panel of one twice as two', () => {
    const { warnings } = planCoverage({
      competencies: [competencies[0]],
      stages: [
        { id: 's1', name: 'A', templates: [{ panelSize: 1, competencyIds: ['c1'] }] },
        { id: 's2', name: 'B', templates: [{ panelSize: 1, competencyIds: ['c1'] }] },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('has no rows and no warnings for an empty plan', () => {
    expect(planCoverage({ competencies: [], stages: [] })).toEqual({ coverage: [], warnings: [] });
  });
});
