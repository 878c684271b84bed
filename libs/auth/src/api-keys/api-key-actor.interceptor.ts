import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runAsAuditActor } from '@app/audit';
import type { AuthUser } from '../decorators/auth-user.decorator';

/**
 * Runs a request made with an API key as that key's audit actor, so every change it makes is in the
 * trail under the key's name. The handler is subscribed to inside the actor's context, so its
 * promises, and the services they call, carry it. Applied by @ApiKeyScope, on the routes that admit keys.
 */
@Injectable()
export class ApiKeyActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const key = context.switchToHttp().getRequest<{ user?: AuthUser }>().user?.apiKey;
    if (!key) return next.handle();
    return new Observable((subscriber) =>
      runAsAuditActor({ kind: 'api_key', id: key.id, name: key.name }, () => next.handle().subscribe(subscriber)),
    );
  }
}
