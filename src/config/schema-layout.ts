import { isObject } from '../json/json-value.js';
import { closest } from './did-you-mean.js';
import { childPointer } from '../json/pointer.js';
import type { Problem } from './problems.js';
import { schemaDefinition, type SchemaNode } from './schema.js';
import { andList, orList, type JsonType } from './message-grammar.js';

/** What the config schema's layout says about a key (required, allowed, examples, where else it belongs), with the special cases of items and auth. */

/** A required key that is missing, with its choices or an example; an item with neither `url` nor `items` says so. */
export function missingKey(objectPointer: string, key: string, parent: SchemaNode | undefined, data: unknown): Problem {
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

/** A key the schema does not allow: did-you-mean, a request key in a folder, a credential set where a variable is read, or its other home. */
export function unknownKey(objectPointer: string, key: string, parent: SchemaNode | undefined): Problem {
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
  if (home)
    return { pointer, problem: `unknown key "${key}": it belongs to ${home}`, fix: `remove it, or switch to ${home}` };
  return { pointer, problem: `unknown key "${key}"`, fix: `remove it; the keys allowed here are ${andList(allowed)}` };
}

/** Where else a key is allowed, for members of a family of alternatives (auth types, body modes). */
function otherHome(key: string, parent: SchemaNode | undefined): string | undefined {
  const auths = (schemaDefinition('auth').allOf as SchemaNode[]).map((a) => {
    const ref = String((a.then as SchemaNode).$ref);
    const schema = schemaDefinition(ref.slice(ref.lastIndexOf('/') + 1));
    return { schema, label: `auth type "${String((propertiesOf(schema).type as SchemaNode).const)}"` };
  });
  const bodies = (schemaDefinition('body').oneOf as SchemaNode[]).map((schema) => ({
    schema,
    label: `a "${requiredOf(schema)[0]}" body`,
  }));
  for (const family of [auths, bodies]) {
    if (!family.some((m) => m.schema === parent)) continue;
    const homes = family.filter((m) => m.schema !== parent && Object.hasOwn(propertiesOf(m.schema), key));
    if (homes.length > 0) return orList(homes.map((m) => m.label));
  }
  return undefined;
}

/** Whether `key` selects a branch of an if/then family (`type` of auth). */
export function isDiscriminator(parent: unknown, key: unknown): boolean {
  const allOf = (parent as SchemaNode | undefined)?.allOf;
  return (
    Array.isArray(allOf) &&
    allOf.some((s: SchemaNode) => Object.hasOwn(propertiesOf(s.if as SchemaNode | undefined), String(key)))
  );
}

/** Whether a JSON pointer is `ancestor` or below it. */
export function isAtOrUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

/** The `properties` of a schema node ({} when none). */
export function propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
  return (schema?.properties as Record<string, SchemaNode> | undefined) ?? {};
}

/** The `required` keys of a schema node. */
export function requiredOf(schema: SchemaNode): string[] {
  return (schema.required as string[] | undefined) ?? [];
}

function examplesOf(schema: SchemaNode | undefined): unknown[] {
  return (schema?.examples as unknown[] | undefined) ?? [];
}

function enumOf(schema: SchemaNode | undefined): unknown[] | undefined {
  return schema?.enum as unknown[] | undefined;
}

/** `e.g. …` from a schema node's examples, when it has any. */
export function examplesFix(schema: unknown): string | undefined {
  const examples = examplesOf(schema as SchemaNode | undefined);
  return examples.length > 0 ? `e.g. ${examples.map((x) => JSON.stringify(x)).join(' or ')}` : undefined;
}

/** The schema node's title for a message: `a request body`, else `this object`. */
export function titleOf(schema: unknown): string {
  const title = (schema as SchemaNode | undefined)?.title;
  return typeof title === 'string' ? `a ${title.toLowerCase()}` : 'this object';
}

/** Whether a schema node accepts a value of this JSON type (integer and number count as one). */
export function acceptsType(schema: SchemaNode, type: JsonType): boolean {
  if (schema.type === undefined) return true;
  const types = ([] as unknown[]).concat(schema.type);
  return (
    types.includes(type) ||
    (type === 'integer' && types.includes('number')) ||
    (type === 'number' && types.includes('integer'))
  );
}
