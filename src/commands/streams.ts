import { ExitCode } from '../errors.js';

/**
 * Marks a stream guarded for every copy of this module: the binary's entry (dist/src/cli.cjs) and the command
 * chunks each bundle one (scripts/bundle-cli.mjs), and a stream needs one guard.
 */
const GUARDED = Symbol.for('gen-collection.stream-guarded');

function guarded(stream: NodeJS.WriteStream, onError: (error: NodeJS.ErrnoException) => void): NodeJS.WriteStream {
  const marks = stream as unknown as Record<symbol, boolean>;
  if (!marks[GUARDED]) {
    marks[GUARDED] = true;
    stream.on('error', onError);
  }
  return stream;
}

/**
 * stdout, guarded from its first use on: a reader that stops early (`gen-collection --help | head`,
 * `gen-collection inject x.json | head`) closes the pipe, and the command stops quietly with the exit code it has
 * so far, as a command whose reader cuts it short does. (Node turns the SIGPIPE that ends a C program into an EPIPE
 * error, which unhandled crashes with a stack.) Guarded on first use, not at start: Node creates the stream when
 * it is first read (about 3 ms for a pipe), which a command that never prints to it would pay for nothing.
 */
export function stdout(): NodeJS.WriteStream {
  return guarded(process.stdout, (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? ExitCode.ok);
  });
}

/** stderr, guarded from its first use on: messages a closed stderr cannot take are dropped, the work still done. */
export function stderr(): NodeJS.WriteStream {
  return guarded(process.stderr, () => undefined);
}
