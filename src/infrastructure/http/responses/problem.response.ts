import { ApiSchema } from '@nestjs/swagger';
import { FieldError, Problem } from '../problem/problem';
import { Field, IntegerField, OptionalField } from './fields';

@ApiSchema({ name: 'FieldError', description: 'One invalid field of the request, by its dotted path' })
export class FieldErrorBody implements FieldError {
  @Field({ example: 'claimant.name' })
  field!: string;

  @Field({ example: 'claimant.name must not be only whitespace' })
  message!: string;
}

@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details: the one error shape of the API' })
export class ProblemBody implements Problem {
  @Field({ description: 'Names the kind of problem; see the error catalogue', example: '/problems/validation' })
  type!: string;

  @Field({ example: 'Invalid request' })
  title!: string;

  @IntegerField(400, { maximum: 599, example: 400 })
  status!: number;

  @Field({ example: 'title: title must not be only whitespace' })
  detail!: string;

  @OptionalField({ type: [FieldErrorBody], description: 'For /problems/validation: each invalid field' })
  errors?: FieldErrorBody[];
}
