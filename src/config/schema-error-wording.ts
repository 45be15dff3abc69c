import type { ErrorObject } from 'ajv';
import { closest } from './did-you-mean.js';
import { childPointer } from '../json/pointer.js';
import type { Problem } from './problems.js';
import { configSchema, schemaDefinition, type SchemaNode } from './schema.js';
import { describeTypes, jsonType, orList, shown, typeName } from './message-grammar.js';
import { examplesFix, missingKey, propertiesOf, unknownKey } from './schema-layout.js';

/** Words for each failed schema keyword: one problem, in the user's terms, per ajv error. */

/** One ajv error (not a oneOf) as a problem: the key, what is wrong in the user's words, and the fix. */
export function describe(e: ErrorObject): Problem {
  const pointer = e.propertyName !== undefined ? childPointer(e.instancePath, e.propertyName) : e.instancePath;
  const parent = e.parentSchema as SchemaNode | undefined;
  switch (e.keyword) {
    case 'required':
      return missingKey(e.instancePath, String(e.params.missingProperty), parent, e.data);
    case 'additionalProperties':
      return unknownKey(e.instancePath, String(e.params.additionalProperty), parent);
    case 'type':
      return {
        pointer,
        problem: `expected ${describeTypes(e.params.type)}, got ${typeName(jsonType(e.data))}`,
        fix: examplesFix(parent),
      };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess =
        typeof e.data === 'string' ? closest(e.data, (e.params.allowedValues as unknown[]).map(String)) : undefined;
      return {
        pointer,
        problem: `must be ${orList(allowed)} (got ${shown(e.data)})`,
        fix: guess ? `did you mean "${guess}"?` : undefined,
      };
    }
    case 'const':
      return { pointer, problem: `must be ${JSON.stringify(e.params.allowedValue)} (got ${shown(e.data)})` };
    case 'minLength':
      return { pointer, problem: 'must not be empty', fix: examplesFix(parent) };
    case 'minItems':
      return { pointer, problem: 'must not be an empty list', fix: examplesFix(parent) };
    case 'pattern':
      return patternProblem(pointer, String(e.params.pattern), e);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, problem: `${rangeText(parent, e)} (got ${shown(e.data)})` };
    default:
      return { pointer, problem: e.message ?? `fails "${e.keyword}"` };
  }
}

interface PatternHelp {
  problem: string;
  fix: string;
  /** A value failing this pattern may be a secret pasted in by mistake: show it only when it is a {{template}}. */
  hideValue?: boolean;
}

let patternHelp: Map<string, PatternHelp> | undefined;

/** Words for the schema's patterns, keyed by the patterns themselves as the schema spells them. */
function helpFor(pattern: string): PatternHelp | undefined {
  patternHelp ??= new Map<string, PatternHelp>([
    [
      patternOf(propertiesOf(schemaDefinition('request')).method),
      { problem: 'is not an HTTP method (letters only)', fix: 'e.g. GET, POST, PUT, PATCH or DELETE' },
    ],
    [
      patternOf(schemaDefinition('variableName')),
      {
        problem: 'is not a variable name (no braces, no spaces)',
        fix: 'write the bare name: client_secret, not {{client_secret}}',
        hideValue: true,
      },
    ],
    [
      patternOf(propertiesOf(configSchema()).authProfiles.propertyNames as SchemaNode),
      {
        problem: 'is not a valid auth profile name',
        fix: 'use lower-case letters, digits, "_" and "-", starting with a letter or digit: e.g. "admin"',
      },
    ],
    [
      patternOf(propertiesOf(configSchema()).environments.propertyNames as SchemaNode),
      {
        problem: 'is not a valid environment name',
        fix: 'start with a letter or digit and use only letters, digits, "_", "." and "-": the name becomes part of a file name',
      },
    ],
  ]);
  return patternHelp.get(pattern);
}

function patternOf(schema: SchemaNode | undefined): string {
  return String(schema?.pattern);
}

function patternProblem(pointer: string, pattern: string, e: ErrorObject): Problem {
  const help = helpFor(pattern);
  const hidden = help?.hideValue && !String(e.data).includes('{');
  const subject = e.propertyName !== undefined ? JSON.stringify(e.propertyName) : hidden ? 'the value' : shown(e.data);
  return help
    ? { pointer, problem: `${subject} ${help.problem}`, fix: help.fix }
    : { pointer, problem: `${subject} must match the pattern ${pattern}` };
}

function rangeText(parent: SchemaNode | undefined, e: ErrorObject): string {
  const { minimum, maximum } = parent ?? {};
  if (typeof minimum === 'number' && typeof maximum === 'number') return `must be between ${minimum} and ${maximum}`;
  const word =
    e.keyword === 'minimum'
      ? 'at least'
      : e.keyword === 'maximum'
        ? 'at most'
        : e.keyword === 'exclusiveMinimum'
          ? 'more than'
          : 'less than';
  return `must be ${word} ${String(e.params.limit)}`;
}
