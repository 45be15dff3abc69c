/**
 * Made-up values in the shape of each secret family the audit knows, built at run time from a fixed seed
 * (so that no token-shaped literal sits in the repository for other scanners to trip on).
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const BASE64 = `${ALNUM}+/`;

let seed = 0x2545f491;
/** `n` characters drawn from `alphabet` by a fixed-seed generator (xorshift): the same run after run. */
export function chars(alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out += alphabet[(seed >>> 0) % alphabet.length];
  }
  return out;
}

/** A PEM private key with a body long enough for secretlint's rule (≥ 100 base64 characters, `MI…`). */
function pem(kind: string): string {
  const body = `MII${chars(BASE64, 189)}`;
  const lines = body.match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines}\n-----END ${kind}PRIVATE KEY-----`;
}

/** A 1Password service account token: `ops_` and base64 JSON (its length ≡ 1 mod 3, so it ends `fQ==`). */
function onePasswordToken(): string {
  let json = JSON.stringify({
    signInAddress: 'acme.1password.com',
    email: 'ci@acme.io',
    secretKey: chars(ALNUM, 40),
    srpX: chars(HEX, 64),
  });
  while (json.length % 3 !== 1) json = json.replace('}', ' }');
  return `ops_${Buffer.from(json).toString('base64')}`;
}

/** [family, the planted value, the secret inside it (what the mask starts with), what a finding calls it] */
export type Family = [string, string, string, string];

const awsSecret = chars(BASE64, 40);
const urlPassword = chars(ALNUM, 14);
const dbPassword = chars(ALNUM, 16);
const mongoPassword = chars(ALNUM, 16);
const gcpKey = pem('');

/** One value per rule family of the secretlint recommended preset (12.0.0), then gen-collection's own shapes. */
export const FAMILIES: Family[] = [
  ['aws (access key id)', `AKIA${chars(UPPER_DIGITS, 16)}`, '', 'AWS access key id'],
  ['aws (secret access key)', `aws_secret_access_key = ${awsSecret}`, awsSecret, 'AWS secret access key'],
  [
    'gcp (a service account key file: its private key)',
    JSON.stringify({ type: 'service_account', project_id: 'acme', private_key: gcpKey }),
    gcpKey,
    'private key',
  ],
  ['privatekey', pem('RSA '), '', 'private key'],
  ['npm', `npm_${chars(ALNUM, 36)}`, '', 'npm access token'],
  ['basicauth', `https://deploy-bot:${urlPassword}@api.acme-corp.io/v1/hooks`, urlPassword, 'password in a URL'],
  ['slack', `xoxb-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${chars(ALNUM, 24)}`, '', 'Slack token'],
  ['sendgrid', `SG.${chars(ALNUM, 22)}.${chars(ALNUM, 43)}`, '', 'SendGrid API key'],
  ['shopify', `shpat_${chars(HEX, 32)}`, '', 'Shopify token'],
  ['github', `ghp_${chars(ALNUM, 36)}`, '', 'GitHub token'],
  ['gitlab', `glpat-${chars(ALNUM, 20)}`, '', 'GitLab personal access token'],
  ['grafana', `glsa_${chars(ALNUM, 32)}_${chars(HEX, 8)}`, '', 'Grafana service account token'],
  ['openai', `sk-proj-${chars(ALNUM, 74)}T3BlbkFJ${chars(ALNUM, 74)}`, '', 'OpenAI API key'],
  ['anthropic', `sk-ant-api03-${chars(ALNUM, 93)}AA`, '', 'Anthropic API key'],
  ['groq', `gsk_${chars(ALNUM, 52)}`, '', 'Groq API key'],
  ['huggingface', `hf_${chars(LETTERS, 34)}`, '', 'Hugging Face access token'],
  ['linear', `lin_api_${chars(ALNUM, 40)}`, '', 'Linear API key'],
  ['notion', `ntn_${chars(DIGITS, 11)}${chars(ALNUM, 35)}`, '', 'Notion integration token'],
  ['1password', onePasswordToken(), '', '1Password service account token'],
  [
    'database-connection-string (PostgreSQL)',
    `postgres://orders_app:${dbPassword}@db.acme-corp.io:5432/orders`,
    dbPassword,
    'password in a PostgreSQL connection string',
  ],
  [
    'database-connection-string (MongoDB)',
    `mongodb+srv://reporting:${mongoPassword}@cluster0.acme.mongodb.net/prod`,
    mongoPassword,
    'password in a MongoDB connection string',
  ],
  ['hashicorp-vault', `hvs.${chars(ALNUM, 95)}`, '', 'HashiCorp Vault token'],
  ['vercel', `vcp_${chars(ALNUM, 40)}`, '', 'Vercel token'],
  ['databricks', `dapi${chars(HEX, 32)}`, '', 'Databricks access token'],
  ['docker', `dckr_pat_${chars(ALNUM, 27)}`, '', 'Docker access token'],
  ['figma', `figd_${chars(ALNUM, 43)}`, '', 'Figma access token'],
];

const jwtPart = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
const azureKey = `${chars(BASE64, 86)}==`;

/** gen-collection's own shapes, which the preset does not know (`src/audit/secret-patterns.ts`). */
export const OWN_FAMILIES: Family[] = [
  [
    'JWT',
    `${jwtPart({ alg: 'RS256', typ: 'JWT' })}.${jwtPart({ sub: 'orders-ci', exp: 1717171717 })}.${chars(ALNUM, 43)}`,
    '',
    'JWT',
  ],
  ['Stripe secret key', `sk_live_${chars(ALNUM, 24)}`, '', 'Stripe secret key'],
  // issue 23: the families secretlint-rule-preset-recommend 13.x added (13.x needs Node 22)
  ['Stripe test secret key (13.x)', `sk_test_${chars(ALNUM, 24)}`, '', 'Stripe secret key'],
  ['Stripe restricted key (13.x)', `rk_test_${chars(ALNUM, 99)}`, '', 'Stripe secret key'],
  ['Cloudflare user API token (13.x)', `cfut_${chars(ALNUM, 40)}${chars(HEX, 8)}`, '', 'Cloudflare API token'],
  ['Cloudflare global API key (13.x)', `cfk_${chars(ALNUM, 40)}${chars(HEX, 8)}`, '', 'Cloudflare API token'],
  ['Tailscale auth key (13.x)', `tskey-auth-${chars(ALNUM, 17)}-${chars(ALNUM, 33)}`, '', 'Tailscale key'],
  ['Tailscale API token (13.x)', `tskey-api-${chars(ALNUM, 12)}-${chars(ALNUM, 40)}`, '', 'Tailscale key'],
  ['Google API key', `AIza${chars(ALNUM, 35)}`, '', 'Google API key'],
  [
    'Azure storage connection string',
    `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${azureKey};EndpointSuffix=core.windows.net`,
    azureKey,
    'Azure storage account key',
  ],
];
