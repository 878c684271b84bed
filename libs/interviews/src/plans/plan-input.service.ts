import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DetailedHttpException, fieldError } from '@app/common';
import { QuestionBankService, type QuestionRef } from '@app/question-sets';
import type { PlanStageEntity } from '../entities/plan-stage.entity';
import type { PlanTemplateEntity } from '../entities/plan-template.entity';
import type { PositionCompetencyEntity } from '../entities/position-competency.entity';
import type { PutPlanDto } from '../dto/plan.dto';
import type { StoredPlan } from './plan.repository';

export interface PlanRows {
  competencies: PositionCompetencyEntity[];
  stages: PlanStageEntity[];
  templates: PlanTemplateEntity[];
}

/** A 400 shaped like the validation pipe's: the message and the field path. */
export function badField(field: string, message: string): DetailedHttpException {
  return fieldError(field, `${field}: ${message}`);
}

/**
 * Turns a PUT body into the rows to store: ids sent must be this plan's own (a stranger's id is a
 * 400, never a takeover of another position's row), new items get fresh ids, and every competency,
 * question and set a template names must resolve.
 */
@Injectable()
export class PlanInputService {
  constructor(private readonly bank: QuestionBankService) {}

  async rows(positionId: string, dto: PutPlanDto, stored: StoredPlan): Promise<PlanRows> {
    const rows = buildRows(positionId, dto, stored);
    await this.assertPublished(dto);
    return rows;
  }

  private async assertPublished(dto: PutPlanDto): Promise<void> {
    const refs: Array<QuestionRef & { field: string }> = [];
    dto.stages.forEach((s, i) =>
      s.templates.forEach((t, j) => {
        const at = `stages.${i}.templates.${j}`;
        (t.questionSetIds ?? []).forEach((setId, k) => refs.push({ setId, field: `${at}.questionSetIds.${k}` }));
        (t.questionIds ?? []).forEach((questionId, k) => refs.push({ questionId, field: `${at}.questionIds.${k}` }));
      }),
    );
    if (!refs.length) return;
    try {
      await this.bank.resolvePublished(refs);
    } catch (e) {
      // the bank names the first ref it refuses; report it under the field that sent it
      const ref =
        e instanceof DetailedHttpException
          ? (e.details as { ref?: QuestionRef & { field?: string } } | undefined)?.ref
          : undefined;
      if (ref?.field) throw badField(ref.field, e instanceof Error ? e.message : 'not a published question');
      throw e;
    }
  }
}

export function buildRows(positionId: string, dto: PutPlanDto, stored: StoredPlan): PlanRows {
  const keep = <T extends { id: string }>(list: string, owned: T[], items: Array<{ id?: string }>) => {
    const seen = new Set<string>();
    return items.map((item, i) => {
      if (!item.id) return randomUUID();
      const id = item.id.toLowerCase();
      if (!owned.some((o) => o.id === id))
        throw badField(`${list}.${i}.id`, `${item.id} is not one of this plan's ${list}; omit the id to add a new one`);
      if (seen.has(id)) throw badField(`${list}.${i}.id`, `${item.id} appears twice`);
      seen.add(id);
      return id;
    });
  };
  const unique = (list: string, names: string[]) => {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (seen.has(n.toLowerCase())) throw badField(`${list}.${i}.name`, `"${n}" appears twice`);
      seen.add(n.toLowerCase());
    });
  };

  const competencyIds = keep('competencies', stored.competencies, dto.competencies);
  unique(
    'competencies',
    dto.competencies.map((c) => c.name),
  );
  const competencies = dto.competencies.map((c, i) => ({
    id: competencyIds[i],
    positionId,
    name: c.name,
    description: c.description || null,
    position: i,
  }));
  const byName = new Map(competencies.map((c) => [c.name.toLowerCase(), c.id]));

  const stageIds = keep('stages', stored.stages, dto.stages);
  unique(
    'stages',
    dto.stages.map((s) => s.name),
  );
  const stages = dto.stages.map((s, i) => ({ id: stageIds[i], positionId, name: s.name, position: i }));

  const seenTemplates = new Set<string>();
  const templates = dto.stages.flatMap((s, i) =>
    s.templates.map((t, j) => {
      const at = `stages.${i}.templates.${j}`;
      let id: string = randomUUID();
      if (t.id) {
        id = t.id.toLowerCase();
        if (!stored.templates.some((o) => o.id === id))
          throw badField(`${at}.id`, `${t.id} is not one of this plan's templates; omit the id to add a new one`);
        if (seenTemplates.has(id)) throw badField(`${at}.id`, `${t.id} appears twice`);
        seenTemplates.add(id);
      }
      const assessed = new Set<string>();
      (t.competencyIds ?? []).forEach((cid, k) => {
        if (!competencyIds.includes(cid.toLowerCase()))
          throw badField(`${at}.competencyIds.${k}`, `${cid} is not one of the competencies in this plan`);
        assessed.add(cid.toLowerCase());
      });
      (t.competencyNames ?? []).forEach((name, k) => {
        const cid = byName.get(name.trim().toLowerCase());
        if (!cid)
          throw badField(`${at}.competencyNames.${k}`, `"${name}" is not the name of a competency in this plan`);
        assessed.add(cid);
      });
      return {
        id,
        stageId: stageIds[i],
        title: t.title,
        durationMinutes: t.durationMinutes,
        panelSize: t.panelSize,
        leadRequired: t.leadRequired ?? true,
        questionIds: [...new Set((t.questionIds ?? []).map((x) => x.toLowerCase()))],
        questionSetIds: [...new Set((t.questionSetIds ?? []).map((x) => x.toLowerCase()))],
        competencyIds: [...assessed],
        position: j,
      };
    }),
  );
  return { competencies, stages, templates } as PlanRows;
}
