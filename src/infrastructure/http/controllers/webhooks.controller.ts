import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeaders,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../../../application/commands/command-context';
import { Page } from '../../../application/queries/page';
import { WebhookRegistry, WebhookTargetRefusedError } from '../../../application/webhooks/webhook-registry';
import { RequireRole } from '../auth/roles.decorator';
import { CommandCtx } from '../commands/command-context.decorator';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDto, WebhookPageDto, webhookView } from '../dto/webhook.dto';
import { pathOf } from '../headers/header-values';
import { COMMAND_REQUEST_HEADERS, IDEMPOTENT_REPLAYED, LOCATION } from '../openapi/headers';
import { ApiRead } from '../openapi/operations';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

const WebhookIdParam = () =>
  ApiParam({
    name: 'id',
    description: 'The webhook id',
    schema: { type: 'string', example: '0b9a3c52-6f43-4d6c-9c1b-2f8e4c1d7a10' },
  });

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly registry: WebhookRegistry) {}

  @Post()
  @HttpCode(201)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Subscribe a URL to the log: every matching event appended from now on is POSTed to it, signed',
  })
  @ApiHeaders(COMMAND_REQUEST_HEADERS.filter((header) => header.name !== 'If-Match'))
  @ApiExtraModels(CreatedWebhookDto)
  @ApiResponse({
    status: 201,
    description: 'Registered; a generated secret is in this answer only (and in the answer to its retry)',
    headers: { Location: { ...LOCATION, required: true }, 'Idempotent-Replayed': IDEMPOTENT_REPLAYED },
    content: { 'application/json': { schema: { $ref: getSchemaPath(CreatedWebhookDto) } } },
  })
  @ApiProblems(...ANY_REQUEST, 413, 415, 422, 503)
  async create(
    @Body() body: CreateWebhookDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedWebhookDto> {
    const idempotency =
      context.idempotencyKey !== undefined && context.requestFingerprint !== undefined
        ? { key: context.idempotencyKey, fingerprint: context.requestFingerprint }
        : undefined;
    try {
      const { record, generatedSecret, replayed } = await this.registry.register(
        { url: body.url, eventTypes: body.events ?? null, secret: body.secret },
        context.actor,
        idempotency,
      );
      void reply.header('Location', pathOf('v1', 'webhooks', record.subscription.id));
      if (replayed) void reply.header('Idempotent-Replayed', 'true');
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
  @ApiRead({ type: WebhookPageDto, description: 'Every webhook' })
  async list(): Promise<Page<WebhookDto>> {
    return { items: (await this.registry.list()).map(webhookView) };
  }

  @Get(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'One webhook: state (active / failing / disabled), checkpoint, last error and delivery' })
  @WebhookIdParam()
  @ApiRead({ type: WebhookDto, description: 'The webhook', notFound: true })
  async get(@Param('id') id: string): Promise<WebhookDto> {
    return webhookView(await this.registry.get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Stop deliveries and forget the webhook (an attempt under way is abandoned)' })
  @WebhookIdParam()
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiProblems(...ANY_REQUEST, 404, 503)
  async remove(@Param('id') id: string): Promise<void> {
    await this.registry.remove(id);
  }
}
