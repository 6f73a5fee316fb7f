// The controller image's Dockerfile, linted by rules of our own over its syntax tree (dockerfile-ast):
// pinned base images, a non-root user, no secrets, lean apt layers, and a layout the controller can run
// from. No container runtime exists here; `docker build` and `hadolint Dockerfile` are for a machine
// that has one (docs/scale-out.md).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/pwsh.js';

const TEXT = readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
const IGNORED = readFileSync(path.join(REPO, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Instructions stage by stage: the global ARGs first (stage -1), then one list per FROM. */
function stages(file: Dockerfile): Instruction[][] {
  const out: Instruction[][] = [[]];
  for (const instruction of file.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') out.push([]);
    out.at(-1)!.push(instruction);
  }
  return out;
}

/** The image a FROM names, with ARG defaults declared before the first FROM filled in. */
function baseImages(file: Dockerfile): string[] {
  const globals = new Map<string, string>();
  for (const arg of stages(file)[0]!) {
    const property = (arg as unknown as { getProperty(): { getName(): string; getValue(): string | null } | null }).getProperty();
    if (property) globals.set(property.getName(), property.getValue() ?? '');
  }
  const stageNames = new Set(file.getFROMs().map((f) => f.getBuildStage()).filter(Boolean));
  return file.getFROMs()
    .map((f) => f.getImage()!.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globals.get(name) ?? `<unset ${name}>`))
    .filter((image) => !stageNames.has(image));
}

/** What a Dockerfile's rules say about it, one line per problem. */
function lint(text: string): string[] {
  const file = DockerfileParser.parse(text);
  const problems: string[] = [];
  for (const image of baseImages(file)) {
    const tag = /^[^@]+:([^/:@]+)$/.exec(image)?.[1];
    if (!image.includes('@sha256:') && (!tag || tag === 'latest')) problems.push(`FROM ${image}: pin a tag (not latest) or a digest`);
  }
  const last = stages(file).at(-1)!;
  const users = last.filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.split(':')[0];
  if (!user || user === 'root' || user === '0') problems.push('the image must end as a non-root USER');
  const lastRun = last.map((i) => i.getKeyword()).lastIndexOf('RUN');
  if (users.length > 0 && last.indexOf(users.at(-1)!) < lastRun) problems.push('USER must come after the last RUN of the final stage');
  for (const instruction of file.getInstructions()) {
    const keyword = instruction.getKeyword();
    const content = instruction.getArgumentsContent() ?? '';
    if ((keyword === 'ENV' || keyword === 'ARG') && /PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_?KEY/i.test(content)) {
      problems.push(`${keyword} ${content.split(/[=\s]/)[0]}: no secrets in the image (they stay in every layer)`);
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(content)) problems.push(`${keyword}: a private key in the Dockerfile`);
    if (keyword === 'RUN' && /apt-get install/.test(content)) {
      if (!content.includes('--no-install-recommends')) problems.push('RUN apt-get install: add --no-install-recommends');
      if (!content.includes('rm -rf /var/lib/apt/lists')) problems.push('RUN apt-get install: remove /var/lib/apt/lists in the same RUN');
    }
    const sources = instruction.getArguments().slice(0, -1).map((a) => a.getValue()).filter((v) => !v.startsWith('--'));
    if ((keyword === 'COPY' || keyword === 'ADD') && sources.some((v) => v === '.' || v === './')) problems.push(`${keyword} ${content}: copy what the image needs, not the whole context`);
    if (keyword === 'ADD' && /https?:/.test(content)) problems.push('ADD <url>: download with a checked RUN instead');
    if ((keyword === 'ENTRYPOINT' || keyword === 'CMD') && !content.trim().startsWith('[')) problems.push(`${keyword}: use the exec (JSON) form, so signals reach the process`);
  }
  return problems;
}

describe('the Dockerfile', () => {
  it('passes every rule: pinned bases, a non-root user last, no secrets, lean apt layers, exec-form entry point', () => {
    expect(lint(TEXT)).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    const bad = [
      'FROM node:latest AS build',
      'ARG GITHUB_TOKEN',
      'RUN apt-get update && apt-get install -y curl',
      'FROM debian',
      'ENV DB_PASSWORD=hunter2',
      'COPY . .',
      'USER root',
      'RUN true',
      'ENTRYPOINT fleet-scan',
    ].join('\n');
    expect(lint(bad)).toEqual([
      'FROM node:latest: pin a tag (not latest) or a digest',
      'FROM debian: pin a tag (not latest) or a digest',
      'the image must end as a non-root USER',
      'USER must come after the last RUN of the final stage',
      'ARG GITHUB_TOKEN: no secrets in the image (they stay in every layer)',
      'RUN apt-get install: add --no-install-recommends',
      'RUN apt-get install: remove /var/lib/apt/lists in the same RUN',
      'ENV DB_PASSWORD: no secrets in the image (they stay in every layer)',
      'COPY . .: copy what the image needs, not the whole context',
      'ENTRYPOINT: use the exec (JSON) form, so signals reach the process',
    ]);
  });

  it('builds on a Node.js LTS image and installs the PowerShell the project pins and the OpenSSH client', () => {
    const file = DockerfileParser.parse(TEXT);
    for (const image of baseImages(file)) expect(image).toMatch(/^node:(20|22|24)\.\d+\.\d+-/);
    const pinned = JSON.parse(readFileSync(path.join(REPO, '.config', 'dotnet-tools.json'), 'utf8')).tools.powershell.version;
    expect(TEXT).toContain(`ARG PWSH_VERSION=${pinned}`);
    expect(TEXT).toMatch(/apt-get install[^\n]*openssh-client/);
    expect(TEXT).toContain('sha256sum -c');
  });

  it('copies only files the checkout has and .dockerignore keeps, and everything the controller reads at run time', () => {
    const file = DockerfileParser.parse(TEXT);
    const sources = file.getCOPYs()
      .filter((c) => !c.getFlags().some((f) => f.getName() === 'from'))
      .flatMap((c) => c.getArguments().slice(0, -1).map((a) => a.getValue()));
    for (const source of sources) {
      expect(existsSync(path.join(REPO, source)), source).toBe(true);
      const ignoredBy = IGNORED.find((p) => p === source || source.startsWith(`${p}/`) || (p.startsWith('**/') && path.basename(source) === p.slice(3)));
      expect(ignoredBy, `${source} is in .dockerignore`).toBeUndefined();
    }
    // What PACKAGE_ROOT-relative code opens: package.json (the version), ps-scripts/, src/runner/worker/, dist/.
    for (const needed of ['package.json', 'ps-scripts', 'src/runner/worker', 'bin']) expect(sources).toContain(needed);
    expect(TEXT).toMatch(/COPY --from=build \/src\/dist \.\/dist/);
    expect(TEXT).toMatch(/COPY --from=build \/src\/node_modules \.\/node_modules/);
  });

  it('keeps local state, keys and reports out of the build context', () => {
    for (const entry of ['.git', 'node_modules', '.tools', '.lab', 'out', '**/id_*', '*.sqlite']) expect(IGNORED).toContain(entry);
  });
});
