import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { OptionalProperty } from './validators';

export const Tags = () =>
  applyDecorators(
    OptionalProperty({ type: [String], maxItems: 20, example: ['ukraine', 'usa'] }),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    Length(1, 50, { each: true }),
  );
