import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { OptionalProperty, Text, textItems } from './validators';

export const MAX_TAGS = 20;

export const Tags = () =>
  applyDecorators(
    OptionalProperty({ type: 'array', items: textItems(50), maxItems: MAX_TAGS, example: ['ukraine', 'usa'] }),
    IsArray(),
    ArrayMaxSize(MAX_TAGS),
    Text(50, { each: true }),
  );
