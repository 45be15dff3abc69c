import { InvalidArgumentError } from 'commander';
import { closest } from '../config/did-you-mean.js';
import { OUTPUT_FORMATS, type OutputFormat } from './render.js';

/**
 * Commander's parser of a repeatable `--format F`: checks F against the known formats (an unknown one is a
 * usage error, exit 2, naming the formats and the closest one) and collects the values in order.
 */
export function collectFormat(value: string, previous: OutputFormat[] = []): OutputFormat[] {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    const suggestion = closest(value, OUTPUT_FORMATS);
    throw new InvalidArgumentError(
      `unknown format "${value}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}; use one of ${OUTPUT_FORMATS.join(', ')}, e.g. --format postman --format postman-v3`,
    );
  }
  return [...previous, value as OutputFormat];
}
