import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { CommandContext, CommandResult } from '../../../application/commands/command-context';
import { OpenStorylineCommand } from '../../../application/commands/open-storyline.command';
import { RecordClaimCommand } from '../../../application/commands/record-claim.command';
import { ReviseStorylineCommand } from '../../../application/commands/revise-storyline.command';
import { NameStakeholderCommand } from '../../../application/commands/name-stakeholder.command';
import { RemoveStakeholderCommand } from '../../../application/commands/remove-stakeholder.command';
import { DEFAULT_PAGE_SIZE, Page } from '../../../application/queries/page';
import {
  GetStorylineClaimsQuery,
  GetStorylineQuery,
  GetTimelineQuery,
  ListStorylinesQuery,
} from '../../../application/read-models/storylines/storyline.queries';
import { ClaimSummary } from '../../../application/read-models/claims/claim-view';
import { StorylineListItem, StorylineView } from '../../../application/read-models/storylines/storyline-view';
import { TimelineEntry } from '../../../application/read-models/timeline/timeline-entry';
import { toParty } from '../../../domain/party';
import { RequireRole } from '../auth/roles.decorator';
import { pathOf } from '../headers/header-values';
import { CommandCtx } from '../commands/command-context.decorator';
import { commandResponse, etagOf } from '../commands/command-response';
import { RecordClaimDto } from '../dto/claim.dto';
import {
  ListStorylinesQueryDto,
  PointInTimeQueryDto,
  StorylineClaimsQueryDto,
  TimelineQueryDto,
} from '../dto/query.dto';
import { pointInTimeOf } from '../point-in-time';
import { ShownTime, shownTimeOf } from '../../../application/queries/point-in-time';
import { NameStakeholderDto, OpenStorylineDto, ReviseStorylineDto } from '../dto/storyline.dto';
import { SlugPipe } from '../slug.pipe';
import { ApiCommand, ApiIdParam, ApiRead } from '../openapi/operations';
import {
  ClaimSummaryPageBody,
  StorylinePageBody,
  StorylineViewBody,
  TimelinePageBody,
} from '../responses/storyline.response';

const STORYLINE_ID = 'us-ukraine-security-guarantees';

/** With an Idempotency-Key, a retried RecordClaim lands on the same claim id. */
function newClaimId(context: CommandContext): string {
  if (context.idempotencyKey === undefined) return randomUUID();
  return createHash('sha256')
    .update(`claim\u0000${context.actor}\u0000${context.idempotencyKey}`)
    .digest('hex')
    .slice(0, 32);
}

@ApiTags('storylines')
@Controller('v1/storylines')
export class StorylinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRole('reporter')
  @ApiOperation({ summary: 'Open a storyline (StorylineOpened)' })
  @ApiCommand({ status: 201, location: true })
  async open(
    @Body() body: OpenStorylineDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const input = { storylineId: body.id, title: body.title, summary: body.summary ?? '', tags: body.tags ?? [] };
    const result: CommandResult = await this.commands.execute(new OpenStorylineCommand(input, context));
    return commandResponse(reply, result, pathOf('v1', 'storylines', result.id));
  }

  @Patch(':id')
  @RequireRole('reporter')
  @ApiOperation({ summary: 'Revise title, summary or tags (StorylineRevised)' })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiCommand({ status: 200, target: true })
  async revise(
    @Param('id', SlugPipe) id: string,
    @Body() body: ReviseStorylineDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const result: CommandResult = await this.commands.execute(new ReviseStorylineCommand(id, body, context));
    return commandResponse(reply, result);
  }

  @Post(':id/stakeholders')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Name a party with a stake in the storyline, with the reason and optional from / to (StorylineStakeholderNamed); its supports, and those of parties related to it, stop counting as independent',
  })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiCommand({ status: 201, target: true })
  async nameStakeholder(
    @Param('id', SlugPipe) id: string,
    @Body() { partyId, reason, from, to }: NameStakeholderDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const stakeholder = { partyId, reason, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const result: CommandResult = await this.commands.execute(new NameStakeholderCommand(id, stakeholder, context));
    return commandResponse(reply, result);
  }

  @Delete(':id/stakeholders/:partyId')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Remove a stakeholder named in error (StorylineStakeholderRemoved); its stake then counts at no date',
  })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiParam({ name: 'partyId', description: 'The stakeholder', example: 'kremlin' })
  @ApiCommand({ status: 200, target: true })
  async removeStakeholder(
    @Param('id', SlugPipe) id: string,
    @Param('partyId', SlugPipe) partyId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const result: CommandResult = await this.commands.execute(new RemoveStakeholderCommand(id, partyId, context));
    return commandResponse(reply, result);
  }

  @Get()
  @RequireRole('reader')
  @ApiOperation({ summary: 'List storylines; filter by status, tag or text' })
  @ApiRead({ type: StorylinePageBody, description: 'A page of storylines, most recently changed first' })
  list(@Query() query: ListStorylinesQueryDto): Promise<Page<StorylineListItem>> {
    return this.queries.execute(
      new ListStorylinesQuery(
        { status: query.status, tag: query.tag, text: query.q },
        { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
      ),
    );
  }

  @Get(':id')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'A storyline with its headline status, counts and the first 50 of its claims (claimsNextCursor pages the rest); asOf / atPosition / asOccurred for the past',
  })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiRead({ type: StorylineViewBody, description: 'The storyline', notFound: true, etag: true })
  async get(
    @Param('id', SlugPipe) id: string,
    @Query() query: PointInTimeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StorylineView & ShownTime> {
    const at = pointInTimeOf(query);
    const view: StorylineView = await this.queries.execute(new GetStorylineQuery(id, at));
    if (!at) void reply.header('ETag', etagOf(view.revision));
    return { ...view, ...shownTimeOf(at) };
  }

  @Get(':id/claims')
  @RequireRole('reader')
  @ApiOperation({
    summary: "The storyline's claims in the order they were recorded, a page at a time; asOf / atPosition / asOccurred",
  })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiRead({ type: ClaimSummaryPageBody, description: "A page of the storyline's claims", notFound: true })
  async claims(
    @Param('id', SlugPipe) id: string,
    @Query() query: StorylineClaimsQueryDto,
  ): Promise<Page<ClaimSummary> & ShownTime> {
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    const at = pointInTimeOf(query);
    const claims: Page<ClaimSummary> = await this.queries.execute(new GetStorylineClaimsQuery(id, page, at));
    return { ...claims, ...shownTimeOf(at) };
  }

  @Get(':id/timeline')
  @RequireRole('reader')
  @ApiOperation({
    summary: 'Developments ordered by when they happened (occurredAt); asOf / atPosition / asOccurred for the past',
  })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiRead({ type: TimelinePageBody, description: 'A page of the timeline', notFound: true })
  async timeline(
    @Param('id', SlugPipe) id: string,
    @Query() query: TimelineQueryDto,
  ): Promise<Page<TimelineEntry> & ShownTime> {
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    const at = pointInTimeOf(query);
    const entries: Page<TimelineEntry> = await this.queries.execute(new GetTimelineQuery(id, page, at));
    return { ...entries, ...shownTimeOf(at) };
  }

  @Post(':id/claims')
  @HttpCode(201)
  @RequireRole('reporter')
  @ApiOperation({ summary: 'Record a claim in the storyline (ClaimRecorded)' })
  @ApiIdParam('storyline', STORYLINE_ID)
  @ApiCommand({ status: 201, location: true, target: true })
  async recordClaim(
    @Param('id', SlugPipe) storylineId: string,
    @Body() body: RecordClaimDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const { id, claimant, reportedBy, with: coReporters, about, language, kind, tags, ...rest } = body;
    const content = {
      ...rest,
      language: language ?? 'und',
      kind: kind ?? 'factual',
      claimant: toParty(claimant),
      ...(reportedBy ? { reportedBy: toParty(reportedBy) } : {}),
      ...(coReporters ? { with: coReporters.map(toParty) } : {}),
      ...(about ? { about: about.map(toParty) } : {}),
      tags: tags ?? [],
    };
    const command = new RecordClaimCommand(storylineId, id ?? newClaimId(context), content, context);
    const result: CommandResult = await this.commands.execute(command);
    return commandResponse(reply, result, pathOf('v1', 'claims', result.id));
  }
}
