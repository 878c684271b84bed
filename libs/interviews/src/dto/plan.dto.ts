import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { UniqueBy } from '@app/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// PostgreSQL refuses NUL in text; refuse it here so that it is a 400 naming the field, not a 500
const NO_NUL = /^[^\u0000]*$/;
const noNul = (field: string) => ({ message: `${field} must not contain NUL characters` });

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (Array.isArray(v) ? 'an array' : v === null ? 'null' : `a ${typeof v}`);

/** Each element an object, and the message names the first element that is not (`stages.1`). */
function EachObject(what: string): PropertyDecorator {
  return ValidateBy({
    name: 'eachObject',
    validator: {
      validate: (v: unknown) => !Array.isArray(v) || v.every(isObject),
      defaultMessage: (a) => {
        const list = a?.value as unknown[];
        const i = list.findIndex((x) => !isObject(x));
        return `${a?.property}.${i}: each ${what} must be an object, not ${kind(list[i])}`;
      },
    },
  });
}

export class PlanCompetencyDto {
  /** Send the id of an existing competency to keep it (templates keep pointing at it); omit it for a new one. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Matches(NO_NUL, noNul('name'))
  name: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @Matches(NO_NUL, noNul('description'))
  description?: string | null;
}

export class PlanTemplateDto {
  @IsOptional()
  @IsUUID()
  id?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(120)
  @Matches(NO_NUL, noNul('title'))
  title: string;

  @IsInt()
  @Min(5)
  @Max(600)
  durationMinutes: number;

  /** How many interviewers sit on it. */
  @IsInt()
  @Min(1)
  @Max(10)
  panelSize: number;

  /** Whether one of them must lead (default true). */
  @IsOptional()
  @IsBoolean()
  leadRequired?: boolean;

  /** Published question set versions. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  @UniqueBy('question set')
  questionSetIds?: string[];

  /** Published questions. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  @UniqueBy('question')
  questionIds?: string[];

  /** Ids of competencies in this request (existing ones keep their ids). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID(undefined, { each: true })
  @UniqueBy('competency')
  competencyIds?: string[];

  /** Names of competencies in this request: how a template refers to a competency created by the same request. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  @UniqueBy('competency', (c: string) => (typeof c === 'string' ? c.trim().toLowerCase() : undefined))
  competencyNames?: string[];
}

export class PlanStageDto {
  /** Send the id of an existing stage to keep it: interviews and candidates point at it. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Matches(NO_NUL, noNul('name'))
  name: string;

  @IsArray()
  @ArrayMaxSize(10, { message: 'templates: a stage has at most 10 interviews' })
  @EachObject('template')
  @ValidateNested({ each: true })
  @Type(() => PlanTemplateDto)
  templates: PlanTemplateDto[];
}

/** The whole plan; what is left out is removed. */
export class PutPlanDto {
  /** The revision you read (0 for a position without a plan); 409 when someone changed it since. */
  @IsInt()
  @Min(0)
  revision: number;

  @IsArray()
  @ArrayMaxSize(30, { message: 'competencies: a position has at most 30 competencies' })
  @EachObject('competency')
  @ValidateNested({ each: true })
  @Type(() => PlanCompetencyDto)
  competencies: PlanCompetencyDto[];

  @IsArray()
  @ArrayMaxSize(12, { message: 'stages: a plan has at most 12 stages' })
  @EachObject('stage')
  @ValidateNested({ each: true })
  @Type(() => PlanStageDto)
  stages: PlanStageDto[];
}
