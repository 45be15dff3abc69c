import { GenCollectionError } from '../errors.js';
import type { WarningSink } from './spec-lines.js';
import { isObject, type JsonObject } from '../json/json-value.js';

/** The spec dialects gen-collection maps; 3.2 is read as 3.1. */
export type SpecVersion = '2.0' | '3.0' | '3.1';

/** Checks the top of a spec (an object, a supported version, `paths` an object) and returns its version. */
export function checkSpec(
  spec: unknown,
  file: string,
  warnings: WarningSink,
): { spec: JsonObject; version: SpecVersion } {
  const invalid = (problem: string, pointer: string, fix: string) =>
    new GenCollectionError('spec-invalid', problem, { file, pointer, fix });
  if (!isObject(spec)) {
    throw invalid('the spec is not an object', '', 'give an OpenAPI 3.x or Swagger 2.0 description (JSON or YAML)');
  }
  const version = readVersion(spec, file, warnings);
  if (spec.paths !== undefined && !isObject(spec.paths)) {
    throw invalid('paths is not an object', '/paths', "make paths a map of '/path' → path item");
  }
  if (spec.paths === undefined)
    warnings.add('the spec has no paths: the collection has no requests', { file, pointer: '' });
  return { spec, version };
}

function readVersion(spec: JsonObject, file: string, warnings: WarningSink): SpecVersion {
  const fix = "set openapi: '3.1.0' (or '3.0.3'), or swagger: '2.0'";
  if (spec.openapi !== undefined) {
    const v = versionText(spec.openapi);
    if (/^3\.0(\.|$)/.test(v)) return '3.0';
    if (/^3\.1(\.|$)/.test(v)) return '3.1';
    if (/^3\.2(\.|$)/.test(v)) {
      warnings.add(`OpenAPI ${v} is read as 3.1: features new in 3.2 are ignored`, { file, pointer: '/openapi' });
      return '3.1';
    }
    throw new GenCollectionError('spec-invalid', `unsupported OpenAPI version '${v}'`, {
      file,
      pointer: '/openapi',
      fix,
    });
  }
  if (spec.swagger !== undefined) {
    const v = versionText(spec.swagger);
    if (v === '2.0') return '2.0';
    throw new GenCollectionError('spec-invalid', `unsupported Swagger version '${v}' (only 2.0 is read)`, {
      file,
      pointer: '/swagger',
      fix: 'convert the description to OpenAPI 3 or Swagger 2.0',
    });
  }
  throw new GenCollectionError(
    'spec-invalid',
    'no openapi or swagger version field: this is not an OpenAPI description',
    {
      file,
      pointer: '',
      fix,
    },
  );
}

/** YAML reads an unquoted `swagger: 2.0` as the number 2. */
function versionText(value: unknown): string {
  return typeof value === 'number'
    ? value.toFixed(Number.isInteger(value) ? 1 : String(value).split('.')[1]!.length)
    : String(value);
}
