import { FastifyReply } from 'fastify';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): void {
  void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
}
