import { applyDecorators, Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import type { ClaimReview, WithContext } from 'schema-dts';
import { ChangeClaimCommand } from '../../../application/commands/change-claim.command';
import { CommandContext, CommandResult } from '../../../application/commands/command-context';
import { ClaimView } from '../../../application/read-models/claims/claim-view';
import { GetClaimReviewQuery } from '../../../application/queries/claim-review.query';
import { GetClaimQuery, SearchClaimsQuery } from '../../../application/read-models/claims/claim.queries';
import { GetClaimHistoryQuery } from '../../../application/queries/event-log.queries';
import { DEFAULT_PAGE_SIZE, Page } from '../../../application/queries/page';
import { CONFIG, Config } from '../../../config/config';
import { ClaimChangesDto } from '../dto/claim.dto';
import { ClaimContentChanges } from '../../../domain/claim/claim.events';
import { toParty } from '../../../domain/party';
import { DEFAULT_BEST_RATING, DEFAULT_WORST_RATING } from '../../../domain/claim/fact-check-rating';
import { StoredEvent } from '../../../application/ports/event-store.port';
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import { commandResponse, etagOf } from '../commands/command-response';
import {
  ContradictionDto,
  CorrectionDto,
  DevelopmentDto,
  FactCheckDto,
  RetractionDto,
  SupportDto,
  VerdictDto,
} from '../dto/development.dto';
import { PageQueryDto, PointInTimeQueryDto, ReadQueryDto, SearchClaimsQueryDto } from '../dto/query.dto';
import { pointInTimeOf } from '../point-in-time';
import { ShownTime, shownTimeOf } from '../../../application/queries/point-in-time';
import { reviewPublisher } from '../review-publisher';
import { SlugPipe } from '../slug.pipe';
import { ApiCommand, ApiIdParam, ApiRead } from '../openapi/operations';
import { ClaimReviewBody } from '../responses/claim-review.response';
import { ClaimPageBody, ClaimViewBody } from '../responses/claim.response';
import { EventPageBody } from '../responses/event.response';

const CLAIM_ID = 'ft-us-guarantees-conditional-on-donbass';
const ClaimCommand = () => applyDecorators(ApiIdParam('claim', CLAIM_ID), ApiCommand({ status: 201, target: true }));

const development = <T extends DevelopmentDto>({ by, ...rest }: T) => ({ ...rest, by: toParty(by) });

const jointDevelopment = <T extends SupportDto | ContradictionDto>({ with: coAuthors, ...rest }: T) => ({
  ...development(rest),
  ...(coAuthors ? { with: coAuthors.map(toParty) } : {}),
});

function toChanges({ claimant, reportedBy, with: coAuthors, about, ...rest }: ClaimChangesDto): ClaimContentChanges {
  return {
    ...rest,
    ...(claimant ? { claimant: toParty(claimant) } : {}),
    ...(reportedBy !== undefined ? { reportedBy: reportedBy === null ? null : toParty(reportedBy) } : {}),
    ...(coAuthors !== undefined ? { with: coAuthors === null ? null : coAuthors.map(toParty) } : {}),
    ...(about !== undefined ? { about: about === null ? null : about.map(toParty) } : {}),
  };
}

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({ summary: 'Search claims by status, storyline, claimant or text' })
  @ApiRead({ type: ClaimPageBody, description: 'A page of matching claims' })
  search(@Query() query: SearchClaimsQueryDto): Promise<Page<ClaimView>> {
    const filter = {
      status: query.status,
      storylineId: query.storyline,
      claimantId: query.claimant,
      text: query.q,
      needsReview: query.needsReview,
    };
    return this.queries.execute(
      new SearchClaimsQuery(filter, { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor }),
    );
  }

  @Get(':id')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'A claim with its status, the explanation of that status, and its developments; asOf / atPosition / asOccurred for the past',
  })
  @ApiIdParam('claim', CLAIM_ID)
  @ApiRead({ type: ClaimViewBody, description: 'The claim', notFound: true, etag: true })
  async get(
    @Param('id', SlugPipe) id: string,
    @Query() query: PointInTimeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView & ShownTime> {
    const at = pointInTimeOf(query);
    const view: ClaimView = await this.queries.execute(new GetClaimQuery(id, at));
    if (!at) void reply.header('ETag', etagOf(view.revision));
    return { ...view, ...shownTimeOf(at) };
  }

  @Get(':id/history')
  @RequireRole('reader')
  @ApiOperation({ summary: "The claim's events, with metadata, in stream order" })
  @ApiIdParam('claim', CLAIM_ID)
  @ApiRead({ type: EventPageBody, description: "A page of the claim's events", notFound: true })
  history(@Param('id', SlugPipe) id: string, @Query() query: PageQueryDto): Promise<Page<StoredEvent>> {
    return this.queries.execute(new GetClaimHistoryQuery(id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor));
  }

  @Get(':id/claimreview')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      "schema.org ClaimReview (JSON-LD) of the claim's latest verdict; 404, saying why, for a claim without a verdict, one whose verdicts name no reviewUrl, or a claim that is not factual",
  })
  @ApiIdParam('claim', CLAIM_ID)
  @ApiRead({
    type: ClaimReviewBody,
    description: 'The ClaimReview, as a JSON-LD document',
    notFound: true,
    contentType: 'application/ld+json',
  })
  async claimReview(
    @Param('id', SlugPipe) id: string,
    @Query() _query: ReadQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WithContext<ClaimReview>> {
    const review: WithContext<ClaimReview> = await this.queries.execute(
      new GetClaimReviewQuery(id, reviewPublisher(this.config, request)),
    );
    void reply.type('application/ld+json');
    return review;
  }

  @Post(':id/supports')
  @HttpCode(201)
  @RequireRole('reporter')
  @ApiOperation({ summary: 'A party corroborates or confirms the claim (ClaimSupported)' })
  @ClaimCommand()
  support(
    @Param('id', SlugPipe) id: string,
    @Body() body: SupportDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.change(id, { type: 'SupportClaim', data: jointDevelopment(body) }, context, reply);
  }

  @Post(':id/contradictions')
  @HttpCode(201)
  @RequireRole('reporter')
  @ApiOperation({ summary: 'A party denies or disputes the claim (ClaimContradicted)' })
  @ClaimCommand()
  contradict(
    @Param('id', SlugPipe) id: string,
    @Body() body: ContradictionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.change(id, { type: 'ContradictClaim', data: jointDevelopment(body) }, context, reply);
  }

  @Post(':id/retraction')
  @HttpCode(201)
  @RequireRole('reporter')
  @ApiOperation({
    summary:
      'The claimant or the reporting outlet, under any name the party registry gives them, withdraws the claim or has deleted it without comment (ClaimRetracted)',
  })
  @ClaimCommand()
  retract(
    @Param('id', SlugPipe) id: string,
    @Body() body: RetractionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.change(id, { type: 'RetractClaim', data: development(body) }, context, reply);
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Fix a data-entry mistake; history keeps the original (ClaimCorrected)' })
  @ClaimCommand()
  correct(
    @Param('id', SlugPipe) id: string,
    @Body() body: CorrectionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const data = { changes: toChanges(body.changes), reason: body.reason, occurredAt: body.occurredAt ?? now() };
    return this.change(id, { type: 'CorrectClaim', data }, context, reply);
  }

  @Post(':id/verdict')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: "The desk's ruling: confirmed, refuted, misleading or unproven (ClaimVerdictIssued)" })
  @ClaimCommand()
  verdict(
    @Param('id', SlugPipe) id: string,
    @Body() body: VerdictDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const { occurredAt, ...rest } = body;
    return this.change(
      id,
      { type: 'IssueVerdict', data: { ...rest, occurredAt: occurredAt ?? now() } },
      context,
      reply,
    );
  }

  @Post(':id/fact-checks')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      "Another fact-checker's published review (ClaimFactChecked): evidence, never the desk's verdict. Rated in the false part of its scale it counts as a contradiction, in the true part as a support (from an independent party), in between as neither; the same review again appends nothing",
  })
  @ClaimCommand()
  factCheck(
    @Param('id', SlugPipe) id: string,
    @Body() body: FactCheckDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const { value, best, worst, text } = body.rating;
    const rating = {
      ...(value !== undefined
        ? { value, best: best ?? DEFAULT_BEST_RATING, worst: worst ?? DEFAULT_WORST_RATING }
        : { ...(best !== undefined ? { best } : {}), ...(worst !== undefined ? { worst } : {}) }),
      text,
    };
    const { publishedAt, publishedAtPrecision } = body;
    const data = {
      by: toParty(body.by),
      rating,
      url: body.url,
      publishedAt,
      ...(publishedAtPrecision ? { publishedAtPrecision } : {}),
    };
    return this.change(id, { type: 'RecordFactCheck', data }, context, reply);
  }

  private async change(
    claimId: string,
    command: ChangeClaimCommand['command'],
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResult> {
    const result: CommandResult = await this.commands.execute(new ChangeClaimCommand(claimId, command, context));
    return commandResponse(reply, result);
  }
}

const now = () => new Date().toISOString();
