import type { DetailedHttpException } from '@app/common';
import { buildRows } from './plan-input.service';
import type { PutPlanDto } from '../dto/plan.dto';
import type { StoredPlan } from './plan.repository';

const P = 'position-1';
const C1 = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const T1 = '33333333-3333-4333-8333-333333333333';
const STRANGER = '99999999-9999-4999-8999-999999999999';

const stored: StoredPlan = {
  revision: 1,
  updatedAt: new Date(),
  competencies: [{ id: C1, positionId: P, name: 'Design', description: null, position: 0 }],
  stages: [{ id: S1, positionId: P, name: 'Onsite', position: 0 }],
  templates: [
    {
      id: T1,
      stageId: S1,
      title: 'Arch',
      durationMinutes: 60,
      panelSize: 2,
      leadRequired: true,
      questionIds: [],
      questionSetIds: [],
      competencyIds: [C1],
      position: 0,
    },
  ],
};

const template = (extra: Record<string, unknown> = {}) => ({
  title: 'Arch',
  durationMinutes: 60,
  panelSize: 2,
  ...extra,
});
const body = (over: Partial<PutPlanDto> = {}): PutPlanDto =>
  ({
    revision: 1,
    competencies: [{ id: C1, name: 'Design' }],
    stages: [{ id: S1, name: 'Onsite', templates: [template({ id: T1 })] }],
    ...over,
  }) as PutPlanDto;

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return ((e as DetailedHttpException).details as Array<{ field: string }>)[0].field;
  }
  return undefined;
}

describe('buildRows', () => {
  it('keeps the ids sent, gives new items fresh ids and resolves competency names from the same request', () => {
    const rows = buildRows(
      P,
      body({
        competencies: [{ id: C1, name: 'Design' }, { name: 'Testing' }],
        stages: [
          { id: S1, name: 'Onsite', templates: [template({ id: T1, competencyNames: ['testing'] })] },
          { name: 'Final', templates: [template({ competencyIds: [C1.toUpperCase()] })] },
        ],
      }),
      stored,
    );
    const testing = rows.competencies[1].id;
    expect(rows.competencies.map((c) => [c.id === C1, c.position])).toEqual([
      [true, 0],
      [false, 1],
    ]);
    expect(rows.stages[0].id).toBe(S1);
    expect(rows.stages[1]).toMatchObject({ positionId: P, name: 'Final', position: 1 });
    expect(rows.templates[0]).toMatchObject({
      id: T1,
      stageId: S1,
      competencyIds: [testing],
      leadRequired: true,
      position: 0,
    });
    expect(rows.templates[1]).toMatchObject({ stageId: rows.stages[1].id, competencyIds: [C1] });
  });

  it("names the field of an id that is not this plan's, a duplicate, or a competency that does not resolve", () => {
    expect(fieldOf(() => buildRows(P, body({ competencies: [{ id: STRANGER, name: 'X' }] }), stored))).toBe(
      'competencies.0.id',
    );
    const twice = body({
      stages: [
        { id: S1, name: 'A', templates: [] },
        { id: S1, name: 'B', templates: [] },
      ],
    });
    expect(fieldOf(() => buildRows(P, twice, stored))).toBe('stages.1.id');
    expect(
      fieldOf(() =>
        buildRows(
          P,
          body({
            stages: [
              { name: 'A', templates: [] },
              { name: 'a', templates: [] },
            ],
          }),
          stored,
        ),
      ),
    ).toBe('stages.1.name');
    expect(
      fieldOf(() => buildRows(P, body({ stages: [{ name: 'A', templates: [template({ id: STRANGER })] }] }), stored)),
    ).toBe('stages.0.templates.0.id');
    const unknown = body({
      stages: [{ name: 'A', templates: [template(), template({ competencyIds: [C1, STRANGER] })] }],
    });
    expect(fieldOf(() => buildRows(P, unknown, stored))).toBe('stages.0.templates.1.competencyIds.1');
    const dropped = body({ competencies: [], stages: [{ name: 'A', templates: [template({ competencyIds: [C1] })] }] });
    expect(fieldOf(() => buildRows(P, dropped, stored))).toBe('stages.0.templates.0.competencyIds.0');
    const unnamed = body({ stages: [{ name: 'A', templates: [template({ competencyNames: ['Cooking'] })] }] });
    expect(fieldOf(() => buildRows(P, unnamed, stored))).toBe('stages.0.templates.0.competencyNames.0');
  });
});
