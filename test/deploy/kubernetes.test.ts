// deploy/kubernetes/ against the Kubernetes API schemas (kubernetes-models 5.1.0, generated from the
// OpenAPI of Kubernetes 1.34: types, enums, required fields) and, for field names, the same models' types
// (an unknown or misspelt field is a TypeScript excess-property error), then the contract between the
// manifests and fleet-scan: the Indexed Job's shards, the inventory and secrets the pods get, the merge
// that waits for the scan. No cluster is reachable here: `kubectl apply --dry-run=server -k deploy/kubernetes`
// against a real one (or a kind cluster) is the check this cannot make (docs/scale-out.md).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Job } from 'kubernetes-models/batch/v1';
import { Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, ServiceAccount } from 'kubernetes-models/v1';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadPack } from '../../src/checks/catalog.js';
import { validateVars } from '../../src/checks/pack-vars.js';
import { loadInventory } from '../../src/inventory/load.js';
import { REPO } from '../helpers/pwsh.js';

const DIR = path.join(REPO, 'deploy', 'kubernetes');

type Manifest = { file: string; doc: Record<string, any> };

/** Each kind the manifests may hold: its model (schema validation) and its TypeScript type (field names). */
const KINDS: Record<string, { model: new (data: any) => { validate(): void }; type: string; module: string }> = {
  'v1/Namespace': { model: Namespace, type: 'INamespace', module: 'kubernetes-models/v1/Namespace' },
  'v1/ConfigMap': { model: ConfigMap, type: 'IConfigMap', module: 'kubernetes-models/v1/ConfigMap' },
  'v1/PersistentVolumeClaim': { model: PersistentVolumeClaim, type: 'IPersistentVolumeClaim', module: 'kubernetes-models/v1/PersistentVolumeClaim' },
  'v1/ServiceAccount': { model: ServiceAccount, type: 'IServiceAccount', module: 'kubernetes-models/v1/ServiceAccount' },
  'batch/v1/Job': { model: Job, type: 'IJob', module: 'kubernetes-models/batch/v1/Job' },
  'rbac.authorization.k8s.io/v1/Role': { model: Role, type: 'IRole', module: 'kubernetes-models/rbac.authorization.k8s.io/v1/Role' },
  'rbac.authorization.k8s.io/v1/RoleBinding': { model: RoleBinding, type: 'IRoleBinding', module: 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding' },
};

const kindOf = (doc: Record<string, any>) => `${doc.apiVersion}/${doc.kind}`;

function manifests(): Manifest[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort().flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]!.message}`);
      return { file, doc: d.toJS() as Record<string, any> };
    }));
}

/** Schema problems, one line each: the model's validation of every document. */
function schemaProblems(list: Manifest[]): string[] {
  return list.flatMap(({ file, doc }) => {
    const kind = KINDS[kindOf(doc)];
    if (!kind) return [`${file}: ${kindOf(doc)} is not a kind these manifests use`];
    try {
      new kind.model(doc).validate();
      return [];
    } catch (error) {
      return [`${file} ${doc.metadata?.name}: ${(error as Error).message.split('\n')[0]}`];
    }
  });
}

/** Field names the API does not have, found by type-checking each document as its model's TypeScript type. */
function unknownFields(list: Manifest[]): string[] {
  const virtual = path.join(REPO, 'test', 'deploy', '__manifests__.ts');
  const source = list.map(({ doc }, i) => {
    const kind = KINDS[kindOf(doc)]!;
    return `import type { ${kind.type} as T${i} } from '${kind.module}';\nexport const m${i}: T${i} = ${JSON.stringify(doc)};`;
  }).join('\n');
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (file === virtual ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === virtual || fileExists(file);
  const program = ts.createProgram([virtual], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const index = Math.floor(line / 2);
    return `${list[index]?.file ?? '?'} ${list[index]?.doc.metadata?.name ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

const all = manifests();
const find = (kind: string, name: string) => all.find((m) => m.doc.kind === kind && m.doc.metadata?.name === name)?.doc;
const scanJob = find('Job', 'fleet-scan-shards')!;
const mergeJob = find('Job', 'fleet-scan-merge')!;
const scanPod = scanJob?.spec.template.spec;
const mergePod = mergeJob?.spec.template.spec;
const container = (pod: any, name: string) => pod.containers.find((c: any) => c.name === name);
const flag = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mountOf = (pod: any, c: any, volume: string) => c.volumeMounts.find((m: any) => m.name === volume);
const volume = (pod: any, name: string) => pod.volumes.find((v: any) => v.name === name);

const scratch = mkdtempSync(path.join(tmpdir(), 'fleet-scan-k8s-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('deploy/kubernetes against the Kubernetes API schemas', () => {
  it('every document is a kind these manifests use and valid against its schema', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(schemaProblems(all)).toEqual([]);
  });

  it('no document has a field the API does not know', () => {
    expect(unknownFields(all)).toEqual([]);
  }, 60_000);

  it('the checks catch a misspelt field, a wrong type and a value outside an enum', () => {
    const job = structuredClone(scanJob);
    job.spec.backoffLimitPerIdx = 2;
    expect(unknownFields([{ file: 'bad.yaml', doc: job }])).toEqual([expect.stringMatching(/^bad\.yaml fleet-scan-shards: Object literal may only specify known properties, and '"backoffLimitPerIdx"' does not exist in type 'IJobSpec'/)]);
    const typed = structuredClone(scanJob);
    typed.spec.completions = 'eight';
    expect(schemaProblems([{ file: 'bad.yaml', doc: typed }])).toEqual([expect.stringMatching(/^bad\.yaml fleet-scan-shards: .*completions must be integer/)]);
    const mode = structuredClone(scanJob);
    mode.spec.completionMode = 'Sharded';
    expect(schemaProblems([{ file: 'bad.yaml', doc: mode }])).toEqual([expect.stringMatching(/completionMode must be equal to one of the allowed values/)]);
  }, 60_000);

  it('kustomization.yaml lists every manifest, and only those', () => {
    const kustomization = parseAllDocuments(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS();
    expect([...kustomization.resources].sort()).toEqual([...new Set(all.map((m) => m.file))].sort());
  });
});

describe('the scan: an Indexed Job of shards', () => {
  const scan = container(scanPod, 'scan');

  it('runs one pod per shard with the count fleet-scan is told, each index retried on its own within a per-pod deadline', () => {
    expect(scanJob.spec.completionMode).toBe('Indexed');
    expect(scan.args[0]).toBe('scan');
    expect(Number(flag(scan.args, 'shards'))).toBe(scanJob.spec.completions);
    expect(scanJob.spec.backoffLimitPerIndex).toBeGreaterThanOrEqual(1);
    expect(scanPod.activeDeadlineSeconds).toBeGreaterThan(0);
    expect(scanPod.activeDeadlineSeconds).toBeLessThan(scanJob.spec.activeDeadlineSeconds);
    expect(scanPod.restartPolicy).toBe('Never');
    // A retry continues the shard's journal: never two attempts of one shard at once.
    expect(scanJob.spec.podReplacementPolicy).toBe('Failed');
    // Findings are the merge's to judge: a shard that wrote its record succeeded.
    expect(scan.args).toContain('--no-findings-exit');
  });

  it('does not retry bad input or a bug, and does not count an eviction', () => {
    expect(scanJob.spec.podFailurePolicy.rules).toEqual(expect.arrayContaining([
      { action: 'FailIndex', onExitCodes: { containerName: 'scan', operator: 'In', values: [2, 3] } },
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
    ]));
  });

  it('gives every shard the same run id and writes under it on the shared volume', () => {
    expect(flag(scan.args, 'run-id')).toBe('$(RUN_ID)');
    const runId = scan.env.find((e: any) => e.name === 'RUN_ID');
    expect(runId.valueFrom.configMapKeyRef).toEqual({ name: 'fleet-scan-run', key: 'run-id' });
    expect(find('ConfigMap', 'fleet-scan-run')!.data['run-id']).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(flag(scan.args, 'out-dir')).toBe(`${mountOf(scanPod, scan, 'results').mountPath}/$(RUN_ID)`);
    expect(volume(scanPod, 'results').persistentVolumeClaim.claimName).toBe('fleet-scan-results');
    expect(find('PersistentVolumeClaim', 'fleet-scan-results')!.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('reads an inventory fleet-scan accepts from a ConfigMap, its key and known_hosts from a mounted Secret, its WinRM password from a Secret', async () => {
    const inventoryPath = flag(scan.args, 'inventory')!;
    const mount = mountOf(scanPod, scan, 'inventory');
    expect(path.dirname(inventoryPath)).toBe(mount.mountPath);
    const configMap = find('ConfigMap', volume(scanPod, 'inventory').configMap.name)!;
    const file = path.join(scratch, path.basename(inventoryPath));
    writeFileSync(file, configMap.data[path.basename(inventoryPath)]);
    const pack = loadPack('mars');
    const inventory = await loadInventory(file, { validateVars: (vars) => validateVars(pack, vars) });
    const ssh = mountOf(scanPod, scan, 'ssh').mountPath;
    expect(volume(scanPod, 'ssh').secret.secretName).toBe('fleet-scan-ssh');
    for (const host of inventory.hosts.filter((h) => h.transport === 'ssh' || h.transport === 'ssh-exec')) {
      expect(path.dirname(host.keyFile!)).toBe(ssh);
      expect(path.dirname(host.knownHostsFile!)).toBe(ssh);
    }
    const envNames = new Set(inventory.hosts.flatMap((h) => (h.credentialEnv ? [h.credentialEnv] : [])));
    expect(envNames.size).toBeGreaterThan(0);
    for (const name of envNames) expect(scan.env.find((e: any) => e.name === name)?.valueFrom?.secretKeyRef?.name).toBe('fleet-scan-winrm');
  });
});

describe('the merge: a Job that runs after the scan', () => {
  const merge = container(mergePod, 'merge');
  const script = merge.args.join(' ');

  it('waits until the scan Job has completed or failed, allowed only to read Jobs', () => {
    const wait = mergePod.initContainers.find((c: any) => c.name === 'wait-for-shards');
    expect(wait.args.slice(0, 2)).toEqual(['wait', `job/${scanJob.metadata.name}`]);
    const condition = wait.args.find((a: string) => a.startsWith('--for='));
    expect(condition).toContain('@.type=="Complete"');
    expect(condition).toContain('@.type=="Failed"');
    const timeout = Number(/--timeout=(\d+)s/.exec(wait.args.join(' '))![1]);
    expect(timeout).toBeGreaterThan(scanJob.spec.activeDeadlineSeconds);
    expect(mergeJob.spec.activeDeadlineSeconds).toBeGreaterThan(timeout);
    const binding = find('RoleBinding', 'fleet-scan-merge-reads-jobs')!;
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: mergePod.serviceAccountName, namespace: 'fleet-scan' }]);
    expect(find('Role', binding.roleRef.name)!.rules).toEqual([{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch'] }]);
  });

  it('merges the records the shards wrote, of the same run, with the inventory at the path the records name', () => {
    expect(script).toMatch(/^exec fleet-scan merge \/results\/"\$RUN_ID"\/fleet-scan-"\$RUN_ID"-\*shard-\*\.json /);
    expect(merge.env.find((e: any) => e.name === 'RUN_ID').valueFrom.configMapKeyRef).toEqual({ name: 'fleet-scan-run', key: 'run-id' });
    expect(mountOf(mergePod, merge, 'results').mountPath).toBe(mountOf(scanPod, container(scanPod, 'scan'), 'results').mountPath);
    expect(volume(mergePod, 'results').persistentVolumeClaim.claimName).toBe('fleet-scan-results');
    expect(mountOf(mergePod, merge, 'inventory').mountPath).toBe(mountOf(scanPod, container(scanPod, 'scan'), 'inventory').mountPath);
  });

  it('keeps the history on a disk of its own and ends Failed, without a retry, when the run has findings', () => {
    const history = /--history=(\S+)/.exec(script)![1]!;
    expect(path.dirname(history)).toBe(mountOf(mergePod, merge, 'history').mountPath);
    expect(find('PersistentVolumeClaim', volume(mergePod, 'history').persistentVolumeClaim.claimName)!.spec.accessModes).toEqual(['ReadWriteOnce']);
    expect(mergeJob.spec.podFailurePolicy.rules).toEqual([{ action: 'FailJob', onExitCodes: { containerName: 'merge', operator: 'In', values: [1, 2, 3, 4, 5] } }]);
  });
});

describe('every pod', () => {
  const pods = [scanPod, mergePod];

  it('runs as a non-root user without privileges, on a read-only root with /tmp as its home', () => {
    for (const pod of pods) {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      }
      for (const c of pod.containers) {
        expect(c.env.find((e: any) => e.name === 'HOME').value).toBe('/tmp');
        expect(mountOf(pod, c, 'tmp').mountPath).toBe('/tmp');
        expect(volume(pod, 'tmp').emptyDir).toEqual({});
      }
    }
  });

  it('uses images pinned by tag, the same fleet-scan image for scan and merge', () => {
    const images = pods.flatMap((pod) => [...pod.containers, ...(pod.initContainers ?? [])].map((c: any) => c.image as string));
    for (const image of images) expect(image).toMatch(/:[A-Za-z0-9._-]+$/);
    expect(images.some((i) => i.endsWith(':latest'))).toBe(false);
    expect(container(scanPod, 'scan').image).toBe(container(mergePod, 'merge').image);
  });
});
