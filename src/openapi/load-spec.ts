import { dirname, extname, resolve as resolvePath } from 'node:path';
import { $RefParser, type JSONParserError } from '@apidevtools/json-schema-ref-parser';
import { CORE_SCHEMA, load as parseYaml, type LoadOptions } from 'js-yaml';
import { parseJson as parseConfigJson } from '../json/parse-json.js';
import { parseYaml as parseConfigYaml } from '../json/parse-yaml.js';
import type { Locate } from '../json/locate.js';
import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { readInputFile } from '../read-input.js';
import { MAX_JSON_NESTING, MAX_YAML_NESTING, rejectDeepNesting } from '../json/nesting.js';
import { isObject, stripBom } from '../json/json-value.js';
import { problemOf } from './spec-problem.js';
import { yamlLines } from './yaml-lines.js';

/** A parsed spec: external file `$ref`s bundled in as local ones, local `$ref`s left in place. */
export interface LoadedSpec {
  spec: object;
  /** The file as the user named it. */
  file: string;
  /** Where each key sits in a YAML spec (parsed again, with positions, on first use: only problems need it). */
  locate?: Locate;
}

/**
 * Reads an OpenAPI/Swagger file (JSON or YAML, BOM stripped). `$ref`s to other files are bundled into the
 * spec as local refs; nothing is dereferenced (big specs would multiply in memory, circular ones cannot be
 * inlined). Throws GenCollectionError (exit 2) for an unreadable file, a parse error (with line and column)
 * or an external `$ref` that does not resolve.
 */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  const source = await readInputFile(file, {
    what: 'the spec',
    code: 'spec-read',
    missingFix: 'check the path of the OpenAPI file',
  });
  const text = stripBom(source);
  const spec = parseSpecText(text, file);
  if (!isObject(spec)) {
    throw new GenCollectionError('spec-invalid', 'the spec is not an object', {
      file,
      pointer: '',
      fix: 'give an OpenAPI 3.x or Swagger 2.0 description',
    });
  }
  return {
    spec: hasExternalRef(spec) ? await bundleExternalRefs(file, spec) : spec,
    file,
    ...(isJson(text, file) ? {} : { locate: yamlLines(text) }),
  };
}

/** JSON when the name says so or the text starts with `{`, else YAML. */
function isJson(source: string, file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\s*[{[]/.test(source));
}

function parseSpecText(source: string, file: string): unknown {
  const json = isJson(source, file);
  let spec: unknown;
  try {
    // Lean, fast parsers: the config parsers keep every key's position, and the `yaml` package is about ten
    // times slower than js-yaml 4 on a 2 MB spec (js-yaml 5: about as fast, a third more memory). Both read
    // the YAML 1.2 core schema: `2024-01-01` stays a string.
    // js-yaml 4.3 counts depth its own way (up to two per level): twice the limit stops it inside the stack
    // (its default, 100, would refuse specs the limit allows). @types/js-yaml does not know the option yet.
    spec = json
      ? JSON.parse(source)
      : parseYaml(source, { schema: CORE_SCHEMA, maxDepth: 2 * MAX_YAML_NESTING } as LoadOptions);
  } catch (error) {
    throw syntaxError(error as Error, source, file, json);
  }
  rejectDeepNesting(
    spec,
    json
      ? { file, code: 'spec-invalid', limit: MAX_JSON_NESTING, jsonText: source }
      : { file, code: 'spec-invalid', limit: MAX_YAML_NESTING },
  );
  return spec;
}

/** The config parsers diagnose syntax errors well (line, column, words, no echo of the text): reuse them. */
function syntaxError(error: Error, source: string, file: string, json: boolean): GenCollectionError {
  try {
    (json ? parseConfigJson : parseConfigYaml)(source, file);
  } catch (diagnosed) {
    if (diagnosed instanceof GenCollectionError) return asSpecError(diagnosed);
  }
  return new GenCollectionError('spec-invalid', `invalid ${json ? 'JSON' : 'YAML'}: ${firstLine(error.message)}`, {
    file,
    fix: `fix the ${json ? 'JSON' : 'YAML'} syntax`,
  });
}

function asSpecError(e: GenCollectionError): GenCollectionError {
  return new GenCollectionError('spec-invalid', problemOf(e), {
    file: e.file,
    pointer: e.pointer,
    line: e.line,
    column: e.column,
    fix: e.fix,
  });
}

/** True when some `$ref` names another document. Iterative: specs nest deeply. */
function hasExternalRef(root: object): boolean {
  const stack: object[] = [root];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown>;
    for (const key in node) {
      const child = node[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
      else if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return true;
    }
  }
  return false;
}

/** Pulls referenced files into the spec (`bundle`: internal refs only, nothing inlined twice). Local files only. */
async function bundleExternalRefs(file: string, spec: object): Promise<object> {
  const absolute = resolvePath(file);
  const remote = findRef(spec, (ref) => /^https?:\/\//i.test(ref));
  if (remote) {
    throw new GenCollectionError(
      'spec-invalid',
      `$ref '${remote.ref}' is remote: gen-collection reads local files only`,
      {
        file,
        pointer: remote.pointer,
        fix: 'download the referenced document next to the spec and refer to it by a relative path',
      },
    );
  }
  try {
    return (await new $RefParser().bundle(absolute, spec, {
      resolve: { http: false },
      mutateInputSchema: true,
    })) as object;
  } catch (error) {
    const e = error as Partial<JSONParserError> & { targetRef?: string };
    const source = e.source?.replace(/^file:\/\//, '');
    // The parser does not say where the failing $ref is: look for it in the spec itself.
    const site = source
      ? findRef(spec, (ref) => {
          const [target = '', fragment] = ref.split('#');
          return (
            resolvePath(dirname(absolute), target) === source &&
            (e.targetRef === undefined || `#${fragment ?? ''}` === e.targetRef)
          );
        })
      : undefined;
    throw new GenCollectionError(
      'spec-invalid',
      `${site ? `$ref '${site.ref}'` : 'a $ref to another file'} does not resolve: ${firstLine(String(e.message))}`,
      {
        file,
        ...(site ? { pointer: site.pointer } : {}),
        fix: 'check the referenced file path (relative to the spec) and the pointer after #',
      },
    );
  }
}

/** The first `$ref` in the spec (document order) that `match` accepts, with its JSON pointer. */
function findRef(
  node: unknown,
  match: (ref: string) => boolean,
  pointer = '',
): { ref: string; pointer: string } | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, child] of Object.entries(node)) {
    const at = childPointer(pointer, key);
    if (key === '$ref' && typeof child === 'string' && match(child)) return { ref: child, pointer: at };
    const found = findRef(child, match, at);
    if (found) return found;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
