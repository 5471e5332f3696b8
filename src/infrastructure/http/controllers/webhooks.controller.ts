import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Page } from '../../../application/queries/page';
import { WebhookRegistry, WebhookTargetRefusedError } from '../../../application/webhooks/webhook-registry';
import { Actor, CurrentActor } from '../auth/actor';
import { RequireRole } from '../auth/roles.decorator';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDto, WebhookPageDto, webhookView } from '../dto/webhook.dto';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

const NOT_FOUND = { status: 404, description: 'No webhook with this id (problem+json)' };
const GUARD = [
  { status: 401, description: 'Missing or unknown API key (problem+json)' },
  { status: 403, description: 'The key is not an admin key (problem+json)' },
];

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly registry: WebhookRegistry) {}

  @Post()
  @HttpCode(201)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Subscribe a URL to the log: every matching event appended from now on is POSTed to it, signed',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key and body gets the first answer',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookDto,
    description: 'Registered; the generated secret is in this answer only',
    headers: { Location: { description: 'The new webhook', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 400, description: 'Invalid request: each field named in errors (problem+json)' })
  @ApiResponse({
    status: 422,
    description:
      'The target is refused: its host is not allowed, or it resolves to a non-public address (problem+json)',
  })
  @ApiResponse(GUARD[0])
  @ApiResponse(GUARD[1])
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedWebhookDto> {
    try {
      const { record, generatedSecret } = await this.registry.register(
        { url: body.url, eventTypes: body.events ?? null, secret: body.secret },
        actor.name,
      );
      void reply.header('Location', `/v1/webhooks/${record.subscription.id}`);
      return { ...webhookView(record), ...(generatedSecret ? { secret: generatedSecret } : {}) };
    } catch (error) {
      if (!(error instanceof WebhookTargetRefusedError)) throw error;
      throw new ProblemError(
        problem(422, `url: ${error.message}`, { errors: [{ field: 'url', message: error.message }] }),
      );
    }
  }

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Every webhook with its state, checkpoint and last delivery' })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiResponse(GUARD[0])
  @ApiResponse(GUARD[1])
  async list(): Promise<Page<WebhookDto>> {
    return { items: (await this.registry.list()).map(webhookView) };
  }

  @Get(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'One webhook: state (active / failing / disabled), checkpoint, last error and delivery' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(GUARD[0])
  @ApiResponse(GUARD[1])
  async get(@Param('id') id: string): Promise<WebhookDto> {
    return webhookView(await this.registry.get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Stop deliveries and forget the webhook (an attempt under way is abandoned)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(GUARD[0])
  @ApiResponse(GUARD[1])
  async remove(@Param('id') id: string): Promise<void> {
    await this.registry.remove(id);
  }
}
