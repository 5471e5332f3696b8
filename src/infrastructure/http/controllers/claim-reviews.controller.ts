import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeaders,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  InvalidClaimReviewDocumentError,
  MAX_REVIEWS_PER_DOCUMENT,
} from '../../../application/claim-reviews/import/claim-review-document';
import { importedReviewsOf } from '../../../application/claim-reviews/import/imported-review';
import { CommandContext } from '../../../application/commands/command-context';
import { ImportClaimReviewsCommand, ImportResult } from '../../../application/commands/import-claim-reviews.command';
import {
  DEFAULT_FEED_PAGE_SIZE,
  ListClaimReviewsQuery,
  MAX_FEED_PAGE_SIZE,
  ReviewFeed,
} from '../../../application/queries/claim-review-feed.query';
import { CONFIG, Config } from '../../../config/config';
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import {
  ClaimReviewFeedBody,
  ClaimReviewImportBody,
  ClaimReviewToImportBody,
} from '../responses/claim-review.response';
import { ClaimReviewFeedQueryDto, ImportClaimReviewsQueryDto } from '../dto/query.dto';
import { validationProblem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { COMMAND_REQUEST_HEADERS } from '../openapi/headers';
import { ApiRead } from '../openapi/operations';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { reviewPublisher } from '../review-publisher';

@ApiTags('claim reviews')
@Controller('v1/claimreviews')
export class ClaimReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({
    summary: `schema.org DataFeed of the desk's published ClaimReviews (factual claims whose verdicts name a reviewUrl), newest verdict first, ${DEFAULT_FEED_PAGE_SIZE} a page by default and at most ${MAX_FEED_PAGE_SIZE}; asOf: the reviews as they were published then`,
  })
  @ApiRead({ type: ClaimReviewFeedBody, description: 'A page of the feed', contentType: 'application/ld+json' })
  async feed(
    @Query() query: ClaimReviewFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewFeed> {
    const page = { limit: query.limit ?? DEFAULT_FEED_PAGE_SIZE, cursor: query.cursor };
    const feed: ReviewFeed = await this.queries.execute(
      new ListClaimReviewsQuery(page, reviewPublisher(this.config, request), query.asOf),
    );
    void reply.type('application/ld+json');
    return feed;
  }

  @Post('import')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary: `Import another fact-checker's ClaimReview(s): one, an array, or a DataFeed (at most ${MAX_REVIEWS_PER_DOCUMENT}). Each becomes a claim in the storyline (its id derived from the review's url or @id) and a ClaimFactChecked; the document is checked whole first (400 names the JSON path of every problem), and importing it again appends nothing`,
  })
  @ApiExtraModels(ClaimReviewToImportBody)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ClaimReviewToImportBody) },
        { type: 'array', items: { $ref: getSchemaPath(ClaimReviewToImportBody) } },
        {
          type: 'object',
          required: ['@type', 'dataFeedElement'],
          properties: {
            '@type': { type: 'string', enum: ['DataFeed'] },
            dataFeedElement: { type: 'array', items: { $ref: getSchemaPath(ClaimReviewToImportBody) } },
          },
        },
      ],
    },
  })
  @ApiHeaders(COMMAND_REQUEST_HEADERS.filter((header) => header.name !== 'If-Match'))
  @ApiExtraModels(ClaimReviewImportBody)
  @ApiResponse({
    status: 200,
    description:
      'Imported: what each review became; errors are problem+json, a 400 naming the JSON path of each problem',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ClaimReviewImportBody) } } },
  })
  @ApiProblems(...ANY_REQUEST, 404, 409, 413, 415, 422, 503)
  async import(
    @Query() query: ImportClaimReviewsQueryDto,
    @Req() request: FastifyRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<ImportResult> {
    let reviews;
    try {
      reviews = importedReviewsOf(request.body, Date.now());
    } catch (error) {
      if (error instanceof InvalidClaimReviewDocumentError) throw new ProblemError(validationProblem(error.problems));
      throw error;
    }
    const result: ImportResult = await this.commands.execute(
      new ImportClaimReviewsCommand(query.storyline, reviews, context),
    );
    return result;
  }
}
