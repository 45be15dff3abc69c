import type { ErrorObject } from 'ajv';
import { isObject } from '../json/json-value.js';
import { closest } from './did-you-mean.js';
import { childPointer, pointerSegments, toPointer, valueAt } from '../json/pointer.js';
import type { Problem } from './problems.js';
import { type SchemaNode, schemaPointerOf } from './schema.js';
import { andList, describeTypes, jsonType, orList, quote, typeName } from './message-grammar.js';
import { describe } from './schema-error-wording.js';
import {
  acceptsType,
  examplesFix,
  isAtOrUnder,
  isDiscriminator,
  propertiesOf,
  requiredOf,
  titleOf,
} from './schema-layout.js';

/** Validates `data` against the schema node at a pointer of the config schema (a oneOf branch) and returns ajv's errors. */
export type BranchValidator = (schemaPointer: string, data: unknown) => ErrorObject[];

/**
 * Turns ajv's errors (compiled with `verbose`) into one problem per real mistake: if/then/else and
 * discriminator noise dropped, each failed oneOf collapsed into the errors of the branch the data
 * was meant for (or one message when no branch fits), and every message in the user's words.
 */
export function schemaProblems(
  errors: readonly ErrorObject[],
  config: unknown,
  validateBranch: BranchValidator,
): Problem[] {
  return explain(errors, validateBranch).map((p) => withItemContext(p, config));
}

function explain(errors: readonly ErrorObject[], validateBranch: BranchValidator): Problem[] {
  let list = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  // A missing discriminator (auth without `type`) makes every if/then branch apply: report it alone.
  for (const missing of list.filter(
    (e) => e.keyword === 'required' && isDiscriminator(e.parentSchema, e.params.missingProperty),
  )) {
    list = list.filter((e) => e === missing || !isAtOrUnder(e.instancePath, missing.instancePath));
  }
  const problems: Problem[] = [];
  const oneOfs = list
    .filter((e) => e.keyword === 'oneOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const oneOf of oneOfs) {
    if (!list.includes(oneOf)) continue; // inside an outer oneOf already handled
    const under = list.filter((e) => isAtOrUnder(e.instancePath, oneOf.instancePath));
    list = list.filter((e) => !under.includes(e));
    const typeError = under.find(
      (e) => e.keyword === 'type' && e.instancePath === oneOf.instancePath && e.parentSchema === oneOf.parentSchema,
    );
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
  return [
    { pointer, problem: `expected ${expected}, got ${typeName(jsonType(data))}`, fix: examplesFix(oneOf.parentSchema) },
  ];
}

/** Object branches told apart by a required key (`body`): none or several of the keys given. */
function exactlyOneOf(
  branches: SchemaNode[],
  data: Record<string, unknown>,
  pointer: string,
  parent: unknown,
): Problem[] {
  const keys = [...new Set(branches.flatMap(requiredOf))];
  const present = keys.filter((k) => Object.hasOwn(data, k));
  const what = titleOf(parent);
  const choices = orList(keys.map(quote));
  if (present.length > 1) {
    return [
      {
        pointer,
        problem: `${what} has both ${andList(present.map(quote))}: it takes exactly one of ${choices}`,
        fix: 'keep one of them',
      },
    ];
  }
  const known = [...new Set(branches.flatMap((b) => Object.keys(propertiesOf(b))))];
  const unknown = Object.keys(data).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    return unknown.map((key) => {
      const guess = closest(key, keys);
      return {
        pointer: childPointer(pointer, key),
        problem: `unknown key "${key}"`,
        fix: guess ? `did you mean "${guess}"?` : `${what} takes exactly one of ${choices}`,
      };
    });
  }
  return [{ pointer, problem: `${what} needs one of ${choices}`, fix: examplesFix(parent) }];
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
