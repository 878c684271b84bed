import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { createValidationPipe } from '@app/common';
import { LoginDto } from '../dto/login.dto';
import { INVALID_CREDENTIALS, LocalStrategy } from '../strategies/local.strategy';
import type { UserEntity } from '../entities/user.entity';
import { authenticateWith } from './authenticate';

/** Guards run before pipes, so the login body is validated here, with the same messages as any DTO. */
@Injectable()
export class LocalAuthGuard implements CanActivate {
  private readonly pipe = createValidationPipe();

  constructor(private readonly local: LocalStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ body: unknown; user?: UserEntity }>();
    request.body = await this.pipe.transform(request.body ?? {}, { type: 'body', metatype: LoginDto });
    const { err, user } = await authenticateWith<UserEntity>(this.local, request, http.getResponse());
    if (err) throw err;
    if (!user) throw new UnauthorizedException(INVALID_CREDENTIALS);
    request.user = user;
    return true;
  }
}
