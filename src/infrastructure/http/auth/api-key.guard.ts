import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { Role, roleRank } from '../../../config/api-keys';
import { CONFIG, Config } from '../../../config/config';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { Actor, AuthenticatedRequest, LOCAL_ACTOR } from './actor';
import { REQUIRED_ROLE } from './roles.decorator';

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** `Authorization: Bearer <key>`; the key's role must reach the handler's `@RequireRole`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly actorsByDigest: Map<string, Actor>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.actorsByDigest = new Map(
      config.apiKeys.map((key) => [digest(key.secret), { name: key.name, role: key.role }]),
    );
  }

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.config.apiKeys.length === 0) {
      request.actor = LOCAL_ACTOR;
      return true;
    }
    if (required === undefined) return true;
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const actor = match ? this.actorsByDigest.get(digest(match[1])) : undefined;
    if (!actor) {
      throw new ProblemError(problem(401, 'send Authorization: Bearer <API key>'), { 'WWW-Authenticate': 'Bearer' });
    }
    if (roleRank(actor.role) < roleRank(required)) {
      throw new ProblemError(
        problem(403, `this action needs the ${required} role; key "${actor.name}" is ${actor.role}`),
      );
    }
    request.actor = actor;
    return true;
  }
}
