import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext, CommandResult } from '../../../application/commands/command-context';
import { RelateClaimsCommand } from '../../../application/commands/relate-claims.command';
import { SLUG_PATTERN } from '../../../domain/slug';
import { MAX_SLUG_LENGTH } from '../dto/validators';
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import { commandResponse } from '../commands/command-response';
import { ClaimRelationDto } from '../dto/claim-relation.dto';
import { ApiCommand, ApiIdParam } from '../openapi/operations';
import { SlugPipe } from '../slug.pipe';

const CLAIM_ID = 'ft-us-guarantees-conditional-on-donbass';
const RELATED_ID = 'reuters-us-guarantees-conditional';

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimRelationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/relations')
  @HttpCode(201)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Relate the claim to another, in any storyline (ClaimRelated on both): `same_as` or `rival_of`; the same relation again appends nothing, another replaces it',
  })
  @ApiIdParam('claim', CLAIM_ID)
  @ApiCommand({ status: 201, target: true })
  relate(
    @Param('id', SlugPipe) id: string,
    @Body() body: ClaimRelationDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.send(new RelateClaimsCommand(id, body.claimId, body.relation, context), reply);
  }

  @Delete(':id/relations/:claimId')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Remove the relation between the two claims (ClaimUnrelated on both); without one, nothing is appended',
  })
  @ApiIdParam('claim', CLAIM_ID)
  @ApiParam({
    name: 'claimId',
    description: 'The other claim id, percent-encoded in the URL',
    schema: { type: 'string', maxLength: MAX_SLUG_LENGTH, pattern: SLUG_PATTERN.source, example: RELATED_ID },
  })
  @ApiCommand({ status: 200, target: true })
  unrelate(
    @Param('id', SlugPipe) id: string,
    @Param('claimId', SlugPipe) relatedId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    return this.send(new RelateClaimsCommand(id, relatedId, null, context), reply);
  }

  private async send(command: RelateClaimsCommand, reply: FastifyReply): Promise<CommandResult> {
    return commandResponse(reply, await this.commands.execute(command));
  }
}
