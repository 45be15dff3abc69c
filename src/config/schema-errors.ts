import type { ErrorObject } from 'ajv';
import { isObject } from '../json-value.js';
import { closest } from './did-you-mean.js';
import { childPointer, pointerSegments, toPointer, valueAt } from './pointer.js';
import type { Problem } from './problems.js';
import { configSchema, schemaDefinition, type SchemaNode, schemaPointerOf } from './schema.js';

/** Validates `data` against the schema node at a pointer of the config schema (a oneOf branch) and returns ajv's errors. */
export type BranchValidator = (schemaPointer: string, data: unknown) => ErrorObject[];

/**
 * Turns ajv's errors (compiled with `verbose`) into one problem per real mistake: if/then/else and
 * discriminator noise dropped, each failed oneOf collapsed into the errors of the branch the data
 * was meant for (or one message when no branch fits), and every message in the user's words.
 */
export function schemaProblems(errors: readonly ErrorObject[], config: unknown, validateBranch: BranchValidator): Problem[] {
  return explain(errors, validateBranch).map((p) => withItemContext(p, config));
}

function explain(errors: readonly ErrorObject[], validateBranch: BranchValidator): Problem[] {
  let list = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  // A missing discriminator (auth without `type`) makes every if/then branch apply: report it alone.
  for (const missing of list.filter((e) => e.keyword === 'required' && isDiscriminator(e.parentSchema, e.params.missingProperty))) {
    list = list.filter((e) => e === missing || !isAtOrUnder(e.instancePath, missing.instancePath));
  }
  const problems: Problem[] = [];
  const oneOfs = list.filter((e) => e.keyword === 'oneOf').sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const oneOf of oneOfs) {
    if (!list.includes(oneOf)) continue; // inside an outer oneOf already handled
    const under = list.filter((e) => isAtOrUnder(e.instancePath, oneOf.instancePath));
    list = list.filter((e) => !under.includes(e));
    const typeError = under.find((e) => e.keyword === 'type' && e.instancePath === oneOf.instancePath && e.parentSchema === oneOf.parentSchema);
    if (typeError) list.push(typeError);
    else problems.push(...explainOneOf(oneOf, validateBranch));
  }
  return [...list.map(describe), ...problems];
}

/** Picks the branch the data was meant for (by JSON type, then by required keys) and explains only its errors. */
function explainOneOf(oneOf: ErrorObject, validateBranch: BranchValidator): Problem[] {
  const branches = oneOf.schema as SchemaNode[];
  const data = oneOf.data;
  const pointer = oneOf.instancePath;
  let candidates = branches.filter((b) => acceptsType(b, jsonType(data)));
  if (candidates.length > 1 && isObject(data)) {
    const complete = candidates.filter((b) => requiredOf(b).every((k) => Object.hasOwn(data, k)));
    if (complete.length !== 1) return exactlyOneOf(candidates, data, pointer, oneOf.parentSchema);
    candidates = complete;
  }
  if (candidates.length === 1) {
    const branchPointer = schemaPointerOf(candidates[0]);
    if (branchPointer !== undefined) {
      const errors = validateBranch(branchPointer, data).map((e) => ({ ...e, instancePath: pointer + e.instancePath }));
      if (errors.length > 0) return explain(errors, validateBranch);
    }
  }
  const expected = branches.map((b) => describeTypes(b.type)).join(' or ');
  return [{ pointer, problem: `expected ${expected}, got ${typeName(jsonType(data))}`, fix: examplesFix(oneOf.parentSchema) }];
}

/** Object branches told apart by a required key (`body`): none or several of the keys given. */
function exactlyOneOf(branches: SchemaNode[], data: Record<string, unknown>, pointer: string, parent: unknown): Problem[] {
  const keys = [...new Set(branches.flatMap(requiredOf))];
  const present = keys.filter((k) => Object.hasOwn(data, k));
  const what = titleOf(parent);
  const choices = orList(keys.map(quote));
  if (present.length > 1) {
    return [{ pointer, problem: `${what} has both ${andList(present.map(quote))}: it takes exactly one of ${choices}`, fix: 'keep one of them' }];
  }
  const known = [...new Set(branches.flatMap((b) => Object.keys(propertiesOf(b))))];
  const unknown = Object.keys(data).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    return unknown.map((key) => {
      const guess = closest(key, keys);
      return { pointer: childPointer(pointer, key), problem: `unknown key "${key}"`, fix: guess ? `did you mean "${guess}"?` : `${what} takes exactly one of ${choices}` };
    });
  }
  return [{ pointer, problem: `${what} needs one of ${choices}`, fix: examplesFix(parent) }];
}

function describe(e: ErrorObject): Problem {
  const pointer = e.propertyName !== undefined ? childPointer(e.instancePath, e.propertyName) : e.instancePath;
  const parent = e.parentSchema as SchemaNode | undefined;
  switch (e.keyword) {
    case 'required':
      return missingKey(e.instancePath, String(e.params.missingProperty), parent, e.data);
    case 'additionalProperties':
      return unknownKey(e.instancePath, String(e.params.additionalProperty), parent);
    case 'type':
      return { pointer, problem: `expected ${describeTypes(e.params.type)}, got ${typeName(jsonType(e.data))}`, fix: examplesFix(parent) };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess = typeof e.data === 'string' ? closest(e.data, (e.params.allowedValues as unknown[]).map(String)) : undefined;
      return { pointer, problem: `must be ${orList(allowed)} (got ${shown(e.data)})`, fix: guess ? `did you mean "${guess}"?` : undefined };
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

function missingKey(objectPointer: string, key: string, parent: SchemaNode | undefined, data: unknown): Problem {
  if (parent === schemaDefinition('request') && key === 'url' && isObject(data) && !Object.hasOwn(data, 'items')) {
    return {
      pointer: objectPointer,
      problem: 'item has neither "url" (a request) nor "items" (a folder)',
      fix: 'add "url" to make it a request, or "items": [ … ] to make it a folder',
    };
  }
  const property = propertiesOf(parent)[key];
  const choices = enumOf(property);
  const example = examplesOf(property)[0];
  let fix = `add "${key}"`;
  if (choices) fix += `: one of ${orList(choices.map((c) => JSON.stringify(c)))}`;
  else if (example !== undefined) fix += `, e.g. "${key}": ${JSON.stringify(example)}`;
  return { pointer: childPointer(objectPointer, key), problem: `missing required key "${key}"`, fix };
}

function unknownKey(objectPointer: string, key: string, parent: SchemaNode | undefined): Problem {
  const pointer = childPointer(objectPointer, key);
  const allowed = Object.keys(propertiesOf(parent));
  if (parent === schemaDefinition('folder') && Object.hasOwn(propertiesOf(schemaDefinition('request')), key)) {
    return {
      pointer,
      problem: `unknown key "${key}" in a folder (an item with "items" is a folder)`,
      fix: `move the request into the folder's "items", or remove "items" to make this item a request`,
    };
  }
  if (parent === schemaDefinition('oauth2Auth')) {
    const variableKey = closest(key, Object.keys(propertiesOf(propertiesOf(parent).variables as SchemaNode)));
    if (variableKey) {
      const variable = String(propertiesOf(propertiesOf(parent).variables as SchemaNode)[variableKey].default);
      return {
        pointer,
        problem: `unknown key "${key}": the token script reads it from the Postman variable {{${variable}}}`,
        fix: `remove it; set ${variable} in an environment or pass it at run time (newman run … --env-var ${variable}=…), and rename the variable with auth.variables.${variableKey} if needed`,
      };
    }
  }
  const guess = closest(key, allowed);
  if (guess) return { pointer, problem: `unknown key "${key}"`, fix: `did you mean "${guess}"?` };
  const home = otherHome(key, parent);
  if (home) return { pointer, problem: `unknown key "${key}": it belongs to ${home}`, fix: `remove it, or switch to ${home}` };
  return { pointer, problem: `unknown key "${key}"`, fix: `remove it; the keys allowed here are ${andList(allowed)}` };
}

/** Where else a key is allowed, for members of a family of alternatives (auth types, body modes). */
function otherHome(key: string, parent: SchemaNode | undefined): string | undefined {
  const auths = (schemaDefinition('auth').allOf as SchemaNode[]).map((a) => {
    const ref = String((a.then as SchemaNode).$ref);
    const schema = schemaDefinition(ref.slice(ref.lastIndexOf('/') + 1));
    return { schema, label: `auth type "${String((propertiesOf(schema).type as SchemaNode).const)}"` };
  });
  const bodies = (schemaDefinition('body').oneOf as SchemaNode[]).map((schema) => ({ schema, label: `a "${requiredOf(schema)[0]}" body` }));
  for (const family of [auths, bodies]) {
    if (!family.some((m) => m.schema === parent)) continue;
    const homes = family.filter((m) => m.schema !== parent && Object.hasOwn(propertiesOf(m.schema), key));
    if (homes.length > 0) return orList(homes.map((m) => m.label));
  }
  return undefined;
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
    [patternOf(propertiesOf(schemaDefinition('request')).method), { problem: 'is not an HTTP method (letters only)', fix: 'e.g. GET, POST, PUT, PATCH or DELETE' }],
    [
      patternOf(schemaDefinition('variableName')),
      { problem: 'is not a variable name (no braces, no spaces)', fix: 'write the bare name: client_secret, not {{client_secret}}', hideValue: true },
    ],
    [
      patternOf(propertiesOf(configSchema()).environments.propertyNames as SchemaNode),
      { problem: 'is not a valid environment name', fix: 'start with a letter or digit and use only letters, digits, "_", "." and "-": the name becomes part of a file name' },
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
  return help ? { pointer, problem: `${subject} ${help.problem}`, fix: help.fix } : { pointer, problem: `${subject} must match the pattern ${pattern}` };
}

function rangeText(parent: SchemaNode | undefined, e: ErrorObject): string {
  const { minimum, maximum } = parent ?? {};
  if (typeof minimum === 'number' && typeof maximum === 'number') return `must be between ${minimum} and ${maximum}`;
  const word = e.keyword === 'minimum' ? 'at least' : e.keyword === 'maximum' ? 'at most' : e.keyword === 'exclusiveMinimum' ? 'more than' : 'less than';
  return `must be ${word} ${String(e.params.limit)}`;
}

/** Appends the enclosing item's name, which reads better than /items/3/items/1. */
function withItemContext(p: Problem, config: unknown): Problem {
  const segments = pointerSegments(p.pointer);
  let context: string | undefined;
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i] !== 'items' || !/^\d+$/.test(segments[i + 1])) continue;
    const itemPointer = toPointer(segments.slice(0, i + 2));
    const item = valueAt(config, itemPointer);
    if (isObject(item) && typeof item.name === 'string' && p.pointer !== `${itemPointer}/name`) {
      const kind = p.pointer === itemPointer ? 'item' : Object.hasOwn(item, 'items') ? 'in folder' : 'in request';
      context = `${kind} "${item.name}"`;
    }
  }
  return context ? { ...p, problem: `${p.problem} (${context})` } : p;
}

// --- small schema and data helpers ---

function isDiscriminator(parent: unknown, key: unknown): boolean {
  const allOf = (parent as SchemaNode | undefined)?.allOf;
  return Array.isArray(allOf) && allOf.some((s: SchemaNode) => Object.hasOwn(propertiesOf(s.if as SchemaNode | undefined), String(key)));
}

function isAtOrUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

function propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
  return (schema?.properties as Record<string, SchemaNode> | undefined) ?? {};
}

function requiredOf(schema: SchemaNode): string[] {
  return (schema.required as string[] | undefined) ?? [];
}

function examplesOf(schema: SchemaNode | undefined): unknown[] {
  return (schema?.examples as unknown[] | undefined) ?? [];
}

function enumOf(schema: SchemaNode | undefined): unknown[] | undefined {
  return schema?.enum as unknown[] | undefined;
}

function examplesFix(schema: unknown): string | undefined {
  const examples = examplesOf(schema as SchemaNode | undefined);
  return examples.length > 0 ? `e.g. ${examples.map((x) => JSON.stringify(x)).join(' or ')}` : undefined;
}

function titleOf(schema: unknown): string {
  const title = (schema as SchemaNode | undefined)?.title;
  return typeof title === 'string' ? `a ${title.toLowerCase()}` : 'this object';
}

type JsonType = 'null' | 'array' | 'object' | 'string' | 'integer' | 'number' | 'boolean';

function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

function acceptsType(schema: SchemaNode, type: JsonType): boolean {
  if (schema.type === undefined) return true;
  const types = ([] as unknown[]).concat(schema.type);
  return types.includes(type) || (type === 'integer' && types.includes('number')) || (type === 'number' && types.includes('integer'));
}

function typeName(type: JsonType | string): string {
  const names: Record<string, string> = {
    null: 'an empty value',
    array: 'a list',
    object: 'an object',
    string: 'a string',
    integer: 'a number',
    number: 'a number',
    boolean: 'true/false',
  };
  return names[type] ?? type;
}

function describeTypes(type: unknown): string {
  if (type === 'integer') return 'a whole number';
  return orList(([] as unknown[]).concat(type ?? 'any value').map((t) => typeName(String(t))));
}

/** A value quoted for a message; long or multi-line values are not shown (they may be secrets). */
function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.length <= 40 && !/[\r\n]/.test(value)) return JSON.stringify(value);
  return typeName(jsonType(value));
}

function quote(s: string): string {
  return `"${s}"`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
