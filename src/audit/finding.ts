/** One secret found by `audit`: where it is and what kind, with the value masked (`maskSecret`). */
export interface Finding {
  file: string;
  /** JSON pointer of the value, e.g. `/item/0/request/auth/bearer/0/value`. */
  pointer: string;
  /** What was found where, e.g. `bearer token in collection auth`. */
  what: string;
  /** At most the first 4 characters of the secret and `…`. */
  masked: string;
}

/** The audit report line: `FILE: /json/pointer: what (masked)`. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.pointer || '/'}: ${finding.what} (${finding.masked})`;
}
