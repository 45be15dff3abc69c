import { literalSecret } from './literal.js';
import { ownShapeMatches } from './secret-patterns.js';
import { secretlintMatches, type RuleMatch } from './secretlint-rules.js';

/** A secret recognised by its shape: what it is and the secret's text (for masking and redaction only). */
export interface ShapedSecret {
  what: string;
  secret: string;
}

/** What each secretlint message is, as a finding names it. Message ids the preset adds later fall back to the rule's name. */
const LABELS: Record<string, string> = {
  AWSAccessKeyID: 'AWS access key id',
  AWSSecretAccessKey: 'AWS secret access key',
  PrivateKey: 'private key',
  PrivateKeyJSON: 'GCP service account key',
  NPM_ACCESS_TOKEN: 'npm access token',
  PackageJSON_xOauthToken: 'GitHub token in a URL',
  Npmrc_authToken: 'npm auth token',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack incoming webhook URL',
  BasicAuth: 'password in a URL',
  OPENAI_TOKEN: 'OpenAI API key',
  ANTHROPIC_API_KEY: 'Anthropic API key',
  GROQ_API_KEY: 'Groq API key',
  HUGGINGFACE_USER_ACCESS_TOKEN: 'Hugging Face access token',
  LINEAR_API_TOKEN: 'Linear API key',
  NOTION_INTEGRATION_TOKEN: 'Notion integration token',
  SENDGRID_KEY: 'SendGrid API key',
  SHOPIFY_KEY: 'Shopify token',
  GITHUB_TOKEN: 'GitHub token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'GitLab personal access token',
  GRAFANA_CLOUD_API_TOKEN: 'Grafana Cloud API token',
  GRAFANA_SERVICE_ACCOUNT_TOKEN: 'Grafana service account token',
  OPS_TOKEN: '1Password service account token',
  MongoDBConnection: 'password in a MongoDB connection string',
  MySQLConnection: 'password in a MySQL connection string',
  PostgreSQLConnection: 'password in a PostgreSQL connection string',
  HASHICORP_VAULT_SERVICE_TOKEN: 'HashiCorp Vault token',
  HASHICORP_VAULT_BATCH_TOKEN: 'HashiCorp Vault token',
  HASHICORP_VAULT_RECOVERY_TOKEN: 'HashiCorp Vault token',
  VERCEL_PERSONAL_ACCESS_TOKEN: 'Vercel token',
  VERCEL_INTEGRATION_TOKEN: 'Vercel token',
  VERCEL_APP_ACCESS_TOKEN: 'Vercel token',
  VERCEL_APP_REFRESH_TOKEN: 'Vercel token',
  VERCEL_AI_GATEWAY_API_KEY: 'Vercel AI Gateway API key',
  DATABRICKS_PERSONAL_ACCESS_TOKEN: 'Databricks access token',
  DOCKER_PERSONAL_ACCESS_TOKEN: 'Docker access token',
  FIGMA_PERSONAL_ACCESS_TOKEN: 'Figma access token',
};

/** Messages whose range is a whole URL: the secret is its password (`scheme://user:password@host`). */
const URL_CREDENTIAL = new Set(['BasicAuth', 'MongoDBConnection', 'MySQLConnection', 'PostgreSQLConnection']);
const URL_PASSWORD = /:\/\/[^:/\s@]+:([^@/\s]+)@/;
/** A run of one character: `ghp_xxxxxxxx…`, `sk-…00000000…` are documentation placeholders, not tokens. */
const FILLER_RUN = /(.)\1{7}/;
/** Between texts scanned together: no rule's pattern crosses a NUL between line breaks. */
const SEPARATOR = '\n\u0000\n';
/** No secret shape the rules know fits in fewer characters (the shortest, `mysql://u:pass@h`, has 16). */
export const MIN_SHAPED_LENGTH = 16;
/**
 * Lower-case hex digits and dashes only: ids (UUIDs), digests. Every shape the rules know has a character outside
 * these (a prefix such as `ghp_`, `AKIA`, `dapi`, `eyJ`, a `://`, an `=`, upper case…), and no pattern crosses from
 * one text into the next, so such a text holds none: left out of the joined text. A 2,000-request collection has
 * 4,000 ids in its 4,300 distinct long strings; without them the rules scan 1/14 of the text (13 → 1 ms, --cpu-prof).
 */
const NO_SHAPE = /^[0-9a-f-]*$/;

/** The shaped secrets of one text, in the order they appear. */
export function shapedSecrets(text: string): ShapedSecret[] {
  return shapedSecretsIn([text]).get(text) ?? [];
}

/**
 * The shaped secrets of many texts at once, by text (texts without any are left out), each text's in the
 * order they appear. The texts are scanned as one (one pass of each rule, not one per value), and each
 * match is mapped back to the text it lies in.
 */
export function shapedSecretsIn(texts: Iterable<string>): Map<string, ShapedSecret[]> {
  const distinct = [...new Set(texts)].filter((t) => t.length >= MIN_SHAPED_LENGTH && !NO_SHAPE.test(t));
  const starts: number[] = [];
  let offset = 0;
  for (const text of distinct) {
    starts.push(offset);
    offset += text.length + SEPARATOR.length;
  }
  const joined = distinct.join(SEPARATOR);
  const matches: { what: string | undefined; start: number; end: number; rule?: RuleMatch }[] = [
    ...secretlintMatches(joined).map((rule) => ({ what: undefined, start: rule.start, end: rule.end, rule })),
    ...ownShapeMatches(joined),
  ];
  const found = new Map<string, { at: number; shaped: ShapedSecret }[]>();
  for (const match of matches) {
    const index = segmentOf(starts, match.start);
    const text = distinct[index]!;
    const at = match.start - starts[index]!;
    if (match.end - starts[index]! > text.length) continue;
    const shaped = judge(match.what, match.rule, text, at, at + match.end - match.start);
    if (!shaped) continue;
    const list = found.get(text) ?? [];
    if (!list.some((s) => s.shaped.secret === shaped.secret)) list.push({ at, shaped });
    found.set(text, list);
  }
  return new Map([...found].map(([text, list]) => [text, list.sort((a, b) => a.at - b.at).map((s) => s.shaped)]));
}

/** What a match is and its secret, or undefined for a look-alike: a placeholder, a template, an AWS account id. */
function judge(
  what: string | undefined,
  rule: RuleMatch | undefined,
  text: string,
  start: number,
  end: number,
): ShapedSecret | undefined {
  const matched = text.slice(start, end);
  if (!rule) return literalSecret(matched) ? { what: what!, secret: matched } : undefined;
  const label = LABELS[rule.messageId] ?? `${rule.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')} secret`;
  if (URL_CREDENTIAL.has(rule.messageId)) {
    const password = URL_PASSWORD.exec(matched)?.[1];
    const secret = password === undefined ? undefined : literalSecret(password);
    return secret && !FILLER_RUN.test(secret) ? { what: label, secret: password! } : undefined;
  }
  // An AWS account id (`aws_account_id = 1234-…`), which the AWS rule reports with key ids, is no secret.
  if (rule.messageId === 'AWSAccountID') return undefined;
  // Two messages give the start of the whole match with the length of the captured secret: take the capture.
  const captured = CAPTURED[rule.messageId]?.exec(text.slice(start))?.[1];
  const secret = captured ?? matched;
  if (rule.messageId !== 'PrivateKey' && FILLER_RUN.test(secret)) return undefined;
  return literalSecret(secret) ? { what: label, secret } : undefined;
}

/** The secret inside matches whose reported range is not the secret's own. */
const CAPTURED: Record<string, RegExp> = {
  AWSSecretAccessKey: /^[^:=]*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})/,
  PackageJSON_xOauthToken: /^https?:\/\/([^:]{1,256}):x-oauth-basic@/,
};

/** The index of the text whose range holds `offset` (the last start at or before it). */
function segmentOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
