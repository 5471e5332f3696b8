import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../../application/queries/not-found.error';
import { isSlug } from '../../domain/slug';

/** Path ids that could never have been issued do not exist: 404, without touching storage. */
@Injectable()
export class SlugPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isSlug(value)) throw new NotFoundError(`"${value.slice(0, 80)}"`);
    return value;
  }
}
