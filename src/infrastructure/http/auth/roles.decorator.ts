import { SetMetadata } from '@nestjs/common';
import { Role } from '../../../config/api-keys';

export const REQUIRED_ROLE = 'factline:required-role';

/** The lowest role allowed to call the handler; `undefined` (no decorator) means open to everyone. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
