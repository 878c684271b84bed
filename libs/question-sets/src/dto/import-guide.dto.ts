import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_INPUT } from '../import/limits';

export const IMPORT_FORMATS = ['auto', 'text', 'markdown', 'json'] as const;
export type ImportFormatOption = (typeof IMPORT_FORMATS)[number];

/** A guide as JSON: `{ content, format?, name? }`. A text/plain or text/markdown body works too. */
export class ImportGuideDto {
  /** The pasted guide: plain text, Markdown, or the JSON that export writes. */
  @IsString()
  @IsNotEmpty({ message: 'content must not be empty' })
  @MaxLength(MAX_INPUT)
  content: string;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS, default: 'auto' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormatOption;

  /** Name for the new set when the guide has no title. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, default: 'auto' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormatOption;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'markdown'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'markdown'], { message: 'format must be json or markdown' })
  format?: 'json' | 'markdown';
}
