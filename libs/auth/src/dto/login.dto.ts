import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from './user.response';

export class LoginDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
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
