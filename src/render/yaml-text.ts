import { yamlModule } from '../json/yaml-module.js';

/**
 * YAML text with fixed options, so the same value always gives the same bytes: no line folding (a script
 * stays line for line as written), multi-line strings as `|` literal blocks, double quotes only where a plain
 * scalar would change meaning (`"{{base_url}}"`, `"1"`, `""`), sequences indented under their key: the style
 * `postman collection migrate` writes.
 */
export function yamlText(value: unknown): string {
  return yamlModule().stringify(value, {
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: false,
    blockQuote: 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
}
