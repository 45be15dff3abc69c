/**
 * File and directory names for item names, as `postman collection migrate` makes them: characters that
 * Windows, macOS or Linux refuse in a file name (`/ \ : * ? " < > |` and control characters) become `-`;
 * trailing dots and spaces go (Windows drops them). Names are then made unique among siblings, ignoring case
 * (case-insensitive file systems) and from the `reserved` names beside them, with ` (2)`, ` (3)` … so no two items
 * share a file.
 */
export function siblingFileNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return names.map((name) => {
    const base = safeFileName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** One name made safe as a file or directory name; never empty, never `.` or `..`. */
export function safeFileName(name: string): string {
  const safe = name.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '-').replace(/[. ]+$/, '');
  return safe === '' || /^\.+$/.test(safe) ? '-' : safe;
}
