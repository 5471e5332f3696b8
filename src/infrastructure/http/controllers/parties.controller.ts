import { applyDecorators, Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AffiliatePartyCommand } from '../../../application/commands/affiliate-party.command';
import { CommandContext, CommandResult } from '../../../application/commands/command-context';
import { DiscreditPartyCommand } from '../../../application/commands/discredit-party.command';
import { EndPartyAffiliationCommand } from '../../../application/commands/end-party-affiliation.command';
import { MergePartyCommand } from '../../../application/commands/merge-party.command';
import { RegisterPartyCommand } from '../../../application/commands/register-party.command';
import { ReinstatePartyCommand } from '../../../application/commands/reinstate-party.command';
import { RevisePartyCommand } from '../../../application/commands/revise-party.command';
import { DEFAULT_PAGE_SIZE, Page } from '../../../application/queries/page';
import { GetPartyClaimsQuery } from '../../../application/read-models/parties/get-party-claims.query';
import { GetPartyQuery } from '../../../application/read-models/parties/get-party.query';
import { ListPartiesQuery } from '../../../application/read-models/parties/list-parties.query';
import { ListUnregisteredNamesQuery } from '../../../application/read-models/parties/list-unregistered-names.query';
import {
  PartyClaim,
  PartyListItem,
  PartyView,
  UnregisteredName,
} from '../../../application/read-models/parties/party-views';
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import { commandResponse, etagOf } from '../commands/command-response';
import {
  AffiliatePartyDto,
  DiscreditPartyDto,
  EndAffiliationDto,
  MergePartyDto,
  RegisterPartyDto,
  ReinstatePartyDto,
  RevisePartyDto,
} from '../dto/party-registry.dto';
import { ListPartiesQueryDto } from '../dto/party-query.dto';
import { PartyClaimsQueryDto, PointInTimeQueryDto } from '../dto/query.dto';
import { pathOf } from '../headers/header-values';
import { ApiCommand, ApiIdParam, ApiRead } from '../openapi/operations';
import { pointInTimeOf } from '../point-in-time';
import { ShownTime, shownTimeOf } from '../../../application/queries/point-in-time';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { PartyClaimPageBody, PartyListPageBody, PartyViewBody } from '../responses/party-view.response';
import { SlugPipe } from '../slug.pipe';

const PARTY_ID = 'financial-times';
/** A registry command on an existing party: its id in the path, and the command's answers. */
const PartyCommand = (status: 200 | 201 = 201) =>
  applyDecorators(ApiIdParam('party', PARTY_ID), ApiCommand({ status, target: true }));

/** The party registry: its writes change which supports count, so they need the editor role; readers read it. */
@ApiTags('parties')
@Controller('v1/parties')
export class PartiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({
    summary: 'List registered parties; filter by name or alias, kind, discredited. unregistered=true: the to-do list',
    description:
      'Registered parties in the order they were registered, merged duplicates included (with `mergedInto`). ' +
      '`q` matches any part of a name or alias, compared after Unicode NFKC, case folding, stripping accents ' +
      'and collapsing spaces ("selenskyj" finds the alias "Wolodymyr Selenskyj", "lodz" finds "Łódź"). ' +
      'With `unregistered=true` the answer lists instead the names claims mention that resolve to no registered ' +
      'party, most mentioned first (ties by id), with counts by role: `q` and `kind` filter them too (`q` any ' +
      'spelling mentioned, `kind` the one shown), `discredited` is refused (400): only registered parties are discredited.',
  })
  @ApiRead({ type: PartyListPageBody, description: 'A page of parties, or of unregistered names' })
  list(@Query() query: ListPartiesQueryDto): Promise<Page<PartyListItem> | Page<UnregisteredName>> {
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    if (query.unregistered) {
      if (query.discredited !== undefined) {
        throw new ProblemError(
          problem(400, 'discredited does not go with unregistered=true: only registered parties can be discredited'),
        );
      }
      return this.queries.execute(new ListUnregisteredNamesQuery({ text: query.q, kind: query.kind }, page));
    }
    const filter = { text: query.q, kind: query.kind, discredited: query.discredited };
    return this.queries.execute(new ListPartiesQuery(filter, page));
  }

  @Get(':id')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'A registered party: names, merges, affiliations both ways, discredit, mentions by role; asOf / atPosition / asOccurred',
    description:
      'A merged duplicate answers its own record, with `mergedInto`. `inEffect` is judged now, or at the ' +
      '`asOccurred` instant, else at `asOf` (with `atPosition` now as well: a log position names no instant); the ' +
      'registry is the one known now or at asOf / atPosition. Mention counts come from the ' +
      'mentions index, which follows the claims as they stand now, also with asOf / atPosition. An id that claims ' +
      'mention but nobody registered is 404, and the detail says so: it is on GET /v1/parties?unregistered=true.',
  })
  @ApiIdParam('party', PARTY_ID)
  @ApiRead({ type: PartyViewBody, description: 'The party', notFound: true, etag: true })
  async get(
    @Param('id', SlugPipe) id: string,
    @Query() query: PointInTimeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartyView & ShownTime> {
    const at = pointInTimeOf(query);
    const view: PartyView = await this.queries.execute(new GetPartyQuery(id, at));
    if (!at) void reply.header('ETag', etagOf(view.revision));
    return { ...view, ...shownTimeOf(at) };
  }

  @Get(':id/claims')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'The claims whose mentions resolve to the party, one item per claim and role, in the order the claims were recorded; asOf / atPosition / asOccurred',
    description:
      'Mentions by a merged duplicate, an alias or a registered name count for the party they resolve to; ' +
      "a merged duplicate's id lists the claims of the party it was merged into. A name on the list of " +
      'unregistered names lists its claims too. With `asOf` / `atPosition`: the claims as the log stood at that ' +
      'point, each with its status and the names its mentions used then, resolved against the registry as it ' +
      'stood then (a claim corrected to another claimant since is listed; one recorded later is not). 404 when ' +
      'the party was neither registered nor mentioned at that point. With `asOccurred`: only the claims made ' +
      'by then, each with the developments that had happened by then. `role` lists only the claims that name the ' +
      'party in that role: `role=about` lists the claims about the party.',
  })
  @ApiIdParam('party', PARTY_ID)
  @ApiRead({ type: PartyClaimPageBody, description: 'A page of the claims that mention the party', notFound: true })
  async claims(
    @Param('id', SlugPipe) id: string,
    @Query() query: PartyClaimsQueryDto,
  ): Promise<Page<PartyClaim> & ShownTime> {
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    const at = pointInTimeOf(query);
    const claims: Page<PartyClaim> = await this.queries.execute(new GetPartyClaimsQuery(id, page, at, query.role));
    return { ...claims, ...shownTimeOf(at) };
  }

  @Post()
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Register a party with its aliases (PartyRegistered)',
    description:
      'The id defaults to the slug of the name (Latin letters in ASCII: "Radosław Sikorski" → `radoslaw-sikorski`). ' +
      '409 if the id is taken, or if another party already answers to the name, an alias or the id ' +
      '(compared as resolution compares them: NFKC, case, accents, spacing); the problem names that party.',
  })
  @ApiCommand({ status: 201, location: true })
  async register(
    @Body() body: RegisterPartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const input = { partyId: body.id, name: body.name, kind: body.kind, aliases: body.aliases ?? [] };
    const result: CommandResult = await this.commands.execute(new RegisterPartyCommand(input, context));
    return commandResponse(reply, result, pathOf('v1', 'parties', result.id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Rename, change the kind, add or remove aliases (PartyRevised); no change, no event',
    description:
      '409 if another party already answers to the new name or an added alias; the problem names that party ' +
      'and the merge to send when the two are one (POST /v1/parties/{id}/merge).',
  })
  @PartyCommand(200)
  revise(
    @Param('id', SlugPipe) id: string,
    @Body() body: RevisePartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.run(new RevisePartyCommand(id, body, context), reply);
  }

  @Post(':id/affiliations')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Affiliate the party with another, for a period or open-ended (PartyAffiliated)' })
  @PartyCommand()
  affiliate(
    @Param('id', SlugPipe) id: string,
    @Body() { partyId, relation, from, to }: AffiliatePartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const terms = { withPartyId: partyId, relation, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    return this.run(new AffiliatePartyCommand(id, terms, context), reply);
  }

  @Post(':id/affiliations/end')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'End the affiliation with a party in effect at `to` (PartyAffiliationEnded)' })
  @PartyCommand()
  endAffiliation(
    @Param('id', SlugPipe) id: string,
    @Body() { partyId, relation, to }: EndAffiliationDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const end = { withPartyId: partyId, ...(relation ? { relation } : {}), to: to ?? new Date().toISOString() };
    return this.run(new EndPartyAffiliationCommand(id, end, context), reply);
  }

  @Post(':id/merge')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Merge a duplicate into the party it duplicates (PartyMerged); it stays as a pointer' })
  @PartyCommand()
  merge(
    @Param('id', SlugPipe) id: string,
    @Body() body: MergePartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.run(new MergePartyCommand(id, body.into, context), reply);
  }

  @Post(':id/discredit')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Discredit the party, with the reason (PartyDiscredited); its supports stop counting' })
  @PartyCommand()
  discredit(
    @Param('id', SlugPipe) id: string,
    @Body() body: DiscreditPartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.run(new DiscreditPartyCommand(id, body, context), reply);
  }

  @Post(':id/reinstate')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Reinstate a discredited party, with the reason (PartyReinstated)' })
  @PartyCommand()
  reinstate(
    @Param('id', SlugPipe) id: string,
    @Body() body: ReinstatePartyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.run(new ReinstatePartyCommand(id, body.reason, context), reply);
  }

  private async run(command: object, reply: FastifyReply): Promise<CommandResult> {
    const result: CommandResult = await this.commands.execute(command);
    return commandResponse(reply, result);
  }
}
