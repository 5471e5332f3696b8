import { applyDecorators, Body, Controller, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import { commandResponse } from '../commands/command-response';
import {
  AffiliatePartyDto,
  DiscreditPartyDto,
  EndAffiliationDto,
  MergePartyDto,
  RegisterPartyDto,
  ReinstatePartyDto,
  RevisePartyDto,
} from '../dto/party-registry.dto';
import { pathOf } from '../headers/header-values';
import { ApiCommand, ApiIdParam } from '../openapi/operations';
import { SlugPipe } from '../slug.pipe';

const PARTY_ID = 'financial-times';
/** A registry command on an existing party: its id in the path, and the command's answers. */
const PartyCommand = (status: 200 | 201 = 201) =>
  applyDecorators(ApiIdParam('party', PARTY_ID), ApiCommand({ status, target: true }));

/** The registry's writes. They change which supports count, so they need the editor role. */
@ApiTags('parties')
@Controller('v1/parties')
export class PartiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Register a party with its aliases (PartyRegistered); 409 if the id is taken' })
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
  @ApiOperation({ summary: 'Rename, change the kind, add or remove aliases (PartyRevised); no change, no event' })
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
