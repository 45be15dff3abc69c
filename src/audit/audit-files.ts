import { parseJsonFile } from '../postman/json-text.js';
import type { Finding } from './finding.js';
import { auditJson } from './scan-json.js';

/**
 * Scans collection, environment and globals files (their text) for literal secrets. A file that is
 * empty or not JSON is a GenCollectionError (exit 2). Findings carry masked values only.
 */
export function auditFiles(files: { file: string; text: string }[]): Finding[] {
  return files.flatMap(({ file, text }) =>
    auditJson(file, parseJsonFile(text, file, 'pass a Postman collection, environment or globals JSON file')),
  );
}
