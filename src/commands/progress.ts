import { stderr } from './streams.js';

/** A one-line progress counter on stderr, shown only when stderr is a terminal (quiet in CI and pipes). */
export function progressLine(label: string): { update(done: number, total: number): void; done(): void } {
  const tty = stderr().isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!tty || total < 200) return;
      shown = true;
      stderr().write(`\r${label}: ${done}/${total} (${Math.floor((done / total) * 100)}%)`);
    },
    done() {
      if (shown) stderr().write('\r\x1b[K');
    },
  };
}
