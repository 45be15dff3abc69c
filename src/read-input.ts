import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { GenCollectionError, type ErrorCode } from './errors.js';

export interface InputKind {
  /** How messages name the file: `the config`, `the spec`, `the collection`, `the file`. */
  what: string;
  code: ErrorCode;
  /** The fix when the file does not exist. */
  missingFix: string;
  /** Decode UTF-16 LE/BE with a BOM (Postman files: Newman reads them, PowerShell writes them); else refuse it. */
  utf16?: boolean;
}

/**
 * Reads a user's input file as UTF-8 text (or UTF-16 with a BOM when `kind.utf16`); an unreadable file,
 * another UTF-16 file or invalid text is a GenCollectionError (exit 2) naming the file and the fix. A UTF-8
 * BOM is kept: the parsers drop it.
 */
export async function readInputFile(file: string, kind: InputKind): Promise<string> {
  const bytes = await readBytes(file, kind);
  const utf16 = utf16Encoding(bytes);
  if (utf16 && kind.utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new GenCollectionError(kind.code, `the file is not valid ${utf16.toUpperCase()} text`, {
        file,
        fix: 'save it again as UTF-8 (PowerShell: Set-Content -Encoding utf8)',
      });
    }
  }
  return new TextDecoder('utf-8').decode(checkedUtf8(bytes, file, kind));
}

/**
 * Reads a user's input file as bytes that are valid UTF-8, with the same checks and errors as `readInputFile`
 * (no UTF-16): for a caller that makes its own string of them (a big spec, load-spec.ts).
 */
export async function readUtf8InputBytes(file: string, kind: InputKind): Promise<Buffer> {
  return checkedUtf8(await readBytes(file, kind), file, kind);
}

async function readBytes(file: string, kind: InputKind): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const { problem, fix } = readFailure(error as NodeJS.ErrnoException, kind);
    throw new GenCollectionError(kind.code, `cannot read ${kind.what}: ${problem}`, { file, fix });
  }
}

function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The bytes, refused (exit 2) when they are UTF-16 or not valid UTF-8. */
function checkedUtf8(bytes: Buffer, file: string, kind: InputKind): Buffer {
  if (utf16Encoding(bytes)) {
    throw new GenCollectionError(kind.code, 'the file is UTF-16 encoded', {
      file,
      fix: 'save it as UTF-8 (PowerShell: Set-Content -Encoding utf8)',
    });
  }
  if (!isUtf8(bytes)) {
    throw new GenCollectionError(kind.code, 'the file is not valid UTF-8 text', { file, fix: 'save it as UTF-8' });
  }
  return bytes;
}

function readFailure(error: NodeJS.ErrnoException, kind: InputKind): { problem: string; fix: string } {
  switch (error.code) {
    case 'ENOENT':
      return { problem: 'no such file', fix: kind.missingFix };
    case 'EISDIR':
      return { problem: 'it is a directory', fix: 'pass the file itself, not its folder' };
    case 'EACCES':
    case 'EPERM':
      return { problem: 'permission denied', fix: 'make the file readable by this user' };
    default:
      return { problem: error.code ?? error.message, fix: 'check that the file exists and is readable' };
  }
}
