import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RequireRole } from '../auth/roles.decorator';
import { LiveEventsQueryDto } from '../live/live-events-query.dto';
import { LiveFeed } from '../live/live-feed';
import { resumePosition } from '../live/resume-position';
import { LAST_EVENT_ID } from '../openapi/headers';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';

@ApiTags('events')
@Controller('v1/events/live')
export class LiveEventsController {
  constructor(private readonly feed: LiveFeed) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({
    summary: 'Server-Sent Events: each new event as it is stored',
    description:
      'Each event is sent with `id:` its global position, `event:` its type and `data:` the event as JSON, ' +
      'shaped like the items of GET /v1/events. Without Last-Event-ID or `after` the stream starts at the ' +
      'current head (only new events); with one it resumes strictly after that position. ' +
      'A `: heartbeat` comment line keeps idle connections open. A client whose socket has not drained for ' +
      'LIVE_STALL_TIMEOUT_MS is disconnected; past LIVE_MAX_CLIENTS streams the answer is 503.',
  })
  @ApiHeader(LAST_EVENT_ID)
  @ApiResponse({
    status: 200,
    description: 'An endless text/event-stream',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(...ANY_REQUEST, 503)
  async follow(
    @Query() query: LiveEventsQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resumeAfter = resumePosition(lastEventId, query.after);
    const slot = this.feed.reserve();
    try {
      const after = await this.feed.startAfter(resumeAfter);
      // Fastify answers HEAD through this GET route: headers only, no stream held open.
      if (reply.request.method === 'HEAD') {
        slot.release();
        void reply.header('content-type', 'text/event-stream; charset=utf-8').send();
        return;
      }
      // From here the stream is ours; auth, validation and the start position have all been settled.
      // The headers set so far (CORS, Cache-Control) go with it: a hijacked reply sends none itself.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      reply.hijack();
      this.feed.follow(reply.raw, after, slot);
    } catch (error) {
      slot.release();
      throw error;
    }
  }
}
