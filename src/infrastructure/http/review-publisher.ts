import { FastifyRequest } from 'fastify';
import { ReviewPublisher } from '../../application/claim-reviews/claim-review';
import { Config } from '../../config/config';

/** The newsroom's ClaimReview settings, and this service's address as the request reached it. */
export function reviewPublisher(config: Config, request: FastifyRequest): ReviewPublisher {
  return {
    newsroomName: config.newsroomName,
    ...(config.newsroomUrl ? { newsroomUrl: config.newsroomUrl } : {}),
    ratingScale: config.ratingScale,
    serviceUrl: `${request.protocol}://${request.host}`,
  };
}
