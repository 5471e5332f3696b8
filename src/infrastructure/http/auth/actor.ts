import { FastifyRequest } from 'fastify';
import { Role } from '../../../config/api-keys';

export interface Actor {
  name: string;
  role: Role;
}

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Used when no API keys are configured: the service then listens on loopback only. */
export const LOCAL_ACTOR: Actor = { name: 'local', role: 'admin' };
