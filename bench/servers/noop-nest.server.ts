import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { APP_PIPE, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { BODY_LIMIT_BYTES } from '../../src/infrastructure/http/create-app';
import { RecordClaimDto } from '../../src/infrastructure/http/dto/claim.dto';
import { SlugPipe } from '../../src/infrastructure/http/slug.pipe';
import { StrictValidationPipe } from '../../src/infrastructure/http/validation.pipe';
import { announceReady } from './ready-line';

/**
 * The service's HTTP shell without its work: NestJS on Fastify, the same route, slug pipe, DTO and
 * validation pipe, answering at once. No auth, idempotency, command bus or storage.
 */
@Controller('v1/storylines')
class NoopClaimsController {
  private position = -1;

  @Post(':id/claims')
  @HttpCode(201)
  recordClaim(@Param('id', SlugPipe) _storylineId: string, @Body() _body: RecordClaimDto) {
    this.position += 1;
    return { id: randomUUID(), revision: 0, position: this.position };
  }
}

@Module({
  controllers: [NoopClaimsController],
  providers: [{ provide: APP_PIPE, useClass: StrictValidationPipe }],
})
class NoopModule {}

async function main(): Promise<void> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, routerOptions: { ignoreTrailingSlash: true } });
  const app = await NestFactory.create<NestFastifyApplication>(NoopModule, adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  announceReady(app.getHttpServer().address());
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
