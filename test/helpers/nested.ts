/** Deeply nested inputs, written as text (JSON.stringify itself overflows on the deepest). */

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/**
 * A collection whose one request sits inside `folders` nested folders: folder k is at level 2k + 1 (the root is
 * level 1, each folder adds an `item` array and an object), its deepest object, the request's `url`, at level
 * 2 × folders + 5. `cut` leaves the brackets unclosed, as a truncated file would.
 */
export function nestedFolders(folders: number, cut = false): string {
  const open = `{"info":{"name":"Deep","schema":"${V21}"},"item":[` + '{"name":"f","item":['.repeat(folders);
  const leaf = '{"name":"r","request":{"method":"GET","url":{"raw":"{{base_url}}/x"}}}';
  return cut ? open : open + leaf + ']}'.repeat(folders) + ']}';
}

/** The 1-based column of folder `n`'s "{" in nestedFolders (all on line 1). */
export function folderColumn(n: number): number {
  return nestedFolders(n - 1, true).length + 1;
}

/** The pointer of folder `n` (level 2n + 1): `/item/0` n times. */
export function folderPointer(n: number): string {
  return '/item/0'.repeat(n);
}

/** `levels` nested objects `{"a": …}` (the outermost is level 1) around `leaf`, as JSON text. */
export function nestedObjects(levels: number, leaf = '1'): string {
  return '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
}

/** The pointer of the object at `level` in nestedObjects: `/a` level − 1 times. */
export function objectPointer(level: number): string {
  return '/a'.repeat(level - 1);
}

/** `levels` nested YAML block mappings (`a:` each indented one more space), the outermost at level 1. */
export function nestedYamlBlocks(levels: number, leaf = '1'): string {
  return Array.from({ length: levels }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ` ${leaf}\n`;
}
