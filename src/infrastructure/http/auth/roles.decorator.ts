import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Role } from '../../../config/api-keys';
import { ApiProblems } from '../openapi/problems';

export const REQUIRED_ROLE = 'factline:required-role';
/** The OpenAPI security scheme of API keys (swagger.ts defines it). */
export const API_KEY_SCHEME = 'apiKey';

/**
 * The lowest role allowed to call the handler; `undefined` (no decorator) means open to everyone.
 * The document says the same: the key it needs, and the answers of the guard.
 */
export const RequireRole = (role: Role) =>
  applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiSecurity(API_KEY_SCHEME), ApiProblems(401, 403, 429));
