import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  /** Dotted path of the offending field, e.g. `panel.0.userId`. */
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: ['email must be an email'], type: [String] })
  messages: string[];
}

/** The one error shape every endpoint returns. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;

  @ApiPropertyOptional({
    description: 'Per-field problems for validation errors, or extra facts (the current version on a 409)',
    oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldErrorDto' } }, { type: 'object' }],
  })
  details?: FieldErrorDto[] | Record<string, unknown>;

  @ApiProperty({ example: '0f8fad5b-d9cb-469f-a165-70867728950e', description: 'Also sent as the x-request-id header' })
  requestId: string;
}
