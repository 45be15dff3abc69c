import { rules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintSourceCode } from '@secretlint/types';

/** One match of a secretlint rule: which rule and message, and the text range it covers. */
export interface RuleMatch {
  ruleId: string;
  messageId: string;
  start: number;
  end: number;
}

/**
 * Options per rule. The AWS rule scans for access key ids only when asked (it then also reports account
 * ids (`AWSAccountID`), which `shaped-secrets.ts` drops: an account id is not a secret).
 */
const RULE_OPTIONS: Record<string, object> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };

/**
 * The preset's rules that find secrets in text. Its filter rule, which hides findings under
 * `secretlint-disable` comments, is not run: a collection is data, and a secret in it is one wherever it sits.
 */
const FILTER_RULE = '@secretlint/secretlint-rule-filter-comments';
const SCANNERS = rules.filter(
  (rule) => rule.meta.id !== FILTER_RULE && rule.meta.supportedContentTypes.some((t) => t === 'text' || t === 'all'),
);

/**
 * Every match of the secretlint recommended preset's scanner rules in `text`, in rule order.
 * `@secretlint/core`'s `lintSource` is async only, while `audit`'s callers (build, openapi, inject) are
 * synchronous. The preset's rules are synchronous functions of a text (`file(source)` reports through
 * `context.report` before it returns), so they are created and called here as `lintSource` would, with a
 * small context; a test checks this runner against `lintSource` on the same texts.
 */
export function secretlintMatches(text: string): RuleMatch[] {
  const source = sourceCode(text);
  const found: RuleMatch[] = [];
  for (const rule of SCANNERS) {
    const ruleId = rule.meta.id;
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      // The rule's English message holds the secret: it is never built, only the message id is kept.
      createTranslator: () => ((messageId: string) => ({ message: '', messageId, data: undefined })) as never,
      report: ({ message, range }) =>
        found.push({ ruleId, messageId: message.messageId, start: range[0], end: range[1] }),
      ignore: () => undefined,
    };
    const done = rule.create(context, RULE_OPTIONS[ruleId] ?? {}).file?.(source);
    // Only the GCP rule goes async, and only for `.p12` files, never for a text without a path.
    if (done instanceof Promise) done.catch(() => undefined);
  }
  return found;
}

/** A text as the rules see a `.txt` file without a path (so no rule takes a branch for a file name). */
function sourceCode(content: string): SecretLintSourceCode {
  let lineStarts: number[] | undefined;
  const starts = (): number[] => (lineStarts ??= [0, ...Array.from(content.matchAll(/\n/g), (m) => m.index + 1)]);
  // Positions as secretlint's own source code gives them: lines from 1, columns from 0.
  const indexToPosition = (index: number) => {
    const all = starts();
    let line = all.length - 1;
    while (line > 0 && all[line]! > index) line--;
    return { line: line + 1, column: index - all[line]! };
  };
  const positionToIndex = ({ line, column }: { line: number; column: number }) =>
    (starts()[line - 1] ?? content.length) + column;
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text',
    ext: '.txt',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: ([start, end]) => ({ start: indexToPosition(start), end: indexToPosition(end) }),
    locationToRange: ({ start, end }) => [positionToIndex(start), positionToIndex(end)],
  };
}
