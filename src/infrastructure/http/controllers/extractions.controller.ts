import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ExtractClaimsQuery } from '../../../application/queries/capture/extract-claims.query';
import { Extraction } from '../../../domain/capture/proposal';
import { RequireRole } from '../auth/roles.decorator';
import { ExtractionDto, MAX_EXTRACTION_TEXT } from '../dto/extraction.dto';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { ExtractionBody } from '../responses/extraction.response';
import { ProblemBody } from '../responses/problem.response';

/** Proposals for the desk: the claims an article holds. A POST because the text is long; nothing is recorded. */
@ApiTags('extractions')
@Controller('v1/extractions')
export class ExtractionsController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @RequireRole('reporter')
  @ApiOperation({
    summary: 'Propose the claims of an article: quotations with their speakers, anonymous sources, denials',
    description:
      'Reads the text by rules (docs/capture.md): quotation marks of the language, verbs of saying, "laut X", ' +
      'anonymous-source phrases; speakers are resolved against the party registry. Nothing is recorded: the ' +
      'desk records what the editor confirms. Deterministic: the same text, registry and storyline give the same answer.',
  })
  @ApiBody({ type: ExtractionDto })
  @ApiExtraModels(ExtractionBody, ProblemBody)
  @ApiResponse({
    status: 200,
    description: 'The proposals, in the order of the text',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ExtractionBody) } } },
  })
  @ApiResponse({
    status: 413,
    description: `The text is over ${MAX_EXTRACTION_TEXT} characters, or the body over 1 MiB`,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } } },
  })
  @ApiProblems(...ANY_REQUEST, 404, 415, 503)
  extract(@Body() body: ExtractionDto): Promise<Extraction> {
    if (body.text.length > MAX_EXTRACTION_TEXT) {
      throw new ProblemError(
        problem(413, `text has ${body.text.length} characters; at most ${MAX_EXTRACTION_TEXT} are read`),
      );
    }
    return this.queries.execute(new ExtractClaimsQuery(body.text, body.language, body.storylineId));
  }
}
