import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsPlainEmail } from '@app/common';
import { UserResponse } from './user.response';

export class LoginDto {
  @IsPlainEmail()
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class LoginResponse {
  /** Bearer token for the Authorization header. */
  accessToken: string;
  /** Always "Bearer". */
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  @ApiProperty({ type: 'integer' })
  expiresIn: number;
  user: UserResponse;
}
