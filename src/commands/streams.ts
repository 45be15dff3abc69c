import { ExitCode } from '../errors.js';

let out: NodeJS.WriteStream | undefined;
let err: NodeJS.WriteStream | undefined;

/**
 * stdout, guarded from its first use on: a reader that stops early (`gen-collection --help | head`,
 * `gen-collection inject x.json | head`) closes the pipe, and the command stops quietly with the exit code it has
 * so far, as a command whose reader cuts it short does. (Node turns the SIGPIPE that ends a C program into an EPIPE
 * error, which unhandled crashes with a stack.) Guarded on first use, not at start: Node creates the stream when
 * it is first read (about 3 ms for a pipe), which a command that never prints to it would pay for nothing.
 */
export function stdout(): NodeJS.WriteStream {
  if (!out) {
    out = process.stdout;
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? ExitCode.ok);
    });
  }
  return out;
}

/** stderr, guarded from its first use on: messages a closed stderr cannot take are dropped, the work still done. */
export function stderr(): NodeJS.WriteStream {
  if (!err) {
    err = process.stderr;
    err.on('error', () => undefined);
  }
  return err;
}
