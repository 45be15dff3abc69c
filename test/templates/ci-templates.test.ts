// The CI templates are valid YAML of the expected shape, keep the secret out of the command line's values,
// and run exactly the commands the README's "Running in CI" section lists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'templates/ci');
const normalize = (command: string): string => command.replace(/\s+/g, ' ').trim();

/** The shell commands of a template: GitHub Actions `steps[].run`, GitLab `<job>.script[]`. */
function commandsOf(file: string): string[] {
  const doc = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  if (file.startsWith('github-actions')) {
    const jobs = Object.values(doc.jobs as Record<string, { steps: { run?: string }[] }>);
    return jobs.flatMap((job) => job.steps.flatMap((step) => (step.run ? [normalize(step.run)] : [])));
  }
  return Object.values(doc).flatMap((job) => ((job as { script?: string[] }).script ?? []).map(normalize));
}

/** The commands of the README's ci-commands block, continuation lines joined. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.split('<!-- ci-commands:start -->')[1]?.split('<!-- ci-commands:end -->')[0] ?? '';
  const body = block.replace(/^\s*```sh\n/, '').replace(/```\s*$/, '');
  return body.replace(/\\\n/g, ' ').split('\n').map(normalize).filter(Boolean);
}

const templates = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
const cases = [
  { file: 'github-actions.yml', runner: 'npx newman run' },
  { file: 'github-actions-postman-cli.yml', runner: 'npx postman collection run' },
  { file: 'gitlab-ci.yml', runner: 'npx newman run' },
  { file: 'gitlab-ci-postman-cli.yml', runner: 'npx postman collection run' },
];

describe('CI templates', () => {
  it('are the four expected files', () => {
    expect(templates).toEqual(cases.map((c) => c.file).sort());
  });

  it.each(cases)('$file: builds, then runs with `$runner`, the secret only from the CI store through --env-var', ({ file, runner }) => {
    const commands = commandsOf(file);
    expect(commands[0]).toMatch(/^npm ci\b/);
    const build = commands.findIndex((c) => c.startsWith('npx gen-collection build'));
    const run = commands.findIndex((c) => c.startsWith(runner));
    expect(build).toBeGreaterThan(0);
    expect(run).toBeGreaterThan(build);
    expect(commands[run]).toContain('--env-var "client_secret=$CLIENT_SECRET"');
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.startsWith('github-actions')) expect(text).toContain('CLIENT_SECRET: ${{ secrets.CLIENT_SECRET }}');
    else expect(text).toMatch(/masked, protected CI\/CD variable/);
  });

  it('run exactly the commands the README lists', () => {
    const used = new Set(templates.flatMap(commandsOf).filter((c) => c.startsWith('npx ')));
    expect([...used].sort()).toEqual([...new Set(readmeCommands())].sort());
  });
});
