// A deterministic Talklog backup of conference talks and notes, shaped like a heavy user's library:
// the benchmark imports it through the library page's own `Import backup`.
import { VIDEOS } from '../fake-youtube/videos.mjs';

/** mulberry32: small, fast, and the same sequence on every machine for one seed. */
/** @param {number} seed */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

const EVENTS = [
  'KubeCon NA 2021',
  'KubeCon EU 2022',
  'KubeCon NA 2022',
  'KubeCon EU 2023',
  'KubeCon NA 2023',
  'KubeCon EU 2024',
  'KubeCon NA 2024',
  'PromCon 2023',
  'FOSDEM 2024',
  'Open Source Summit NA 2023',
  'GopherCon 2023',
  'RustConf 2024',
];
const CATEGORIES = [
  'Observability',
  'Security',
  'Networking',
  'Storage',
  'CI/CD',
  'Community Related',
  'Misc Tech',
  'Scheduling',
  'Service Mesh',
  'Developer Experience',
  'Performance',
  'Machine Learning',
  'Databases',
  'Edge & IoT',
  'Keynotes',
];
const TAGS = [
  'prometheus',
  'grafana',
  'opentelemetry',
  'tracing',
  'logging',
  'ebpf',
  'cilium',
  'envoy',
  'istio',
  'linkerd',
  'gateway-api',
  'ingress',
  'dns',
  'etcd',
  'csi',
  'rook',
  'ceph',
  'argo',
  'flux',
  'tekton',
  'gitops',
  'helm',
  'kustomize',
  'operators',
  'crd',
  'controller-runtime',
  'kubebuilder',
  'scheduler',
  'autoscaling',
  'karpenter',
  'keda',
  'wasm',
  'rust',
  'go',
  'sigstore',
  'supply-chain',
  'opa',
  'kyverno',
  'rbac',
  'spiffe',
  'falco',
  'multi-tenancy',
  'cluster-api',
  'crossplane',
  'backstage',
  'platform-engineering',
  'finops',
  'gpu',
  'kubeflow',
  'ray',
  'postgres',
  'vitess',
  'sre',
  'chaos',
  'slo',
  'profiling',
  'containerd',
  'cri-o',
  'runc',
  'security',
];
const TOPICS = [
  'Prometheus',
  'OpenTelemetry',
  'eBPF',
  'Cilium',
  'Envoy',
  'Istio',
  'Linkerd',
  'the Gateway API',
  'etcd',
  'CSI Drivers',
  'Argo CD',
  'Flux',
  'Tekton Pipelines',
  'Helm Charts',
  'Kubernetes Operators',
  'the Kubernetes Scheduler',
  'Karpenter',
  'KEDA',
  'WebAssembly',
  'Sigstore',
  'OPA Gatekeeper',
  'Kyverno',
  'SPIFFE and SPIRE',
  'Falco',
  'Cluster API',
  'Crossplane',
  'Backstage',
  'GPU Workloads',
  'Kubeflow',
  'Ray',
  'Postgres on Kubernetes',
  'Vitess',
  'Chaos Engineering',
  'SLOs',
  'Continuous Profiling',
  'containerd',
  'CRI-O',
  'Multi-Tenant Clusters',
  'Service Meshes',
  'Platform Teams',
];
/** @type {((topic: string) => string)[]} */
const TITLE_SHAPES = [
  (t) => `Evolving ${t} for More Use Cases`,
  (t) => `What You Need to Know About ${t}`,
  (t) => `Scaling ${t} to 10,000 Nodes`,
  (t) => `${t} in Production: Lessons Learned`,
  (t) => `Deep Dive: ${t}`,
  (t) => `Intro to ${t}`,
  (t) => `Effortless ${t} on Kubernetes`,
  (t) => `Debugging ${t} When Everything Is on Fire`,
  (t) => `${t} at Scale: A Year Later`,
  (t) => `Securing ${t} Without Slowing Teams Down`,
  (t) => `From Zero to ${t} in 30 Minutes`,
  (t) => `Why We Replaced Our Homegrown Tooling with ${t}`,
  (t) => `${t}: Project Update and Roadmap`,
  (t) => `Building a Developer Platform on ${t}`,
  (t) => `Lightning Talk: ${t} [Tips & Tricks]`,
];
const FIRST_NAMES = [
  'Bartłomiej',
  'Richard',
  'Ben',
  'Julia',
  'Frederic',
  'Liz',
  'Kelsey',
  'Tim',
  'Rob',
  'Jessie',
  'Saiyam',
  'Joe',
  'Dawn',
  'Priyanka',
  'Josh',
  'Natalie',
  'Ana',
  'Aparna',
  'Łukasz',
  'Søren',
  'Zoë',
  'François',
  'Márton',
  'Yuki',
  'Chen',
  'Ahmed',
  'Olga',
  'Stéphane',
  'Gergely',
  'Nikhita',
];
const LAST_NAMES = [
  'Płotka',
  'Hartmann',
  'Kochie',
  'Evans',
  'Branczyk',
  'Rice',
  'Hightower',
  'Hockin',
  'Scott',
  'Frazelle',
  'Pathak',
  'Beda',
  'Foster',
  'Sharma',
  'Berkus',
  'Fleming',
  'Ramos',
  'Sinha',
  'Gajda',
  'Nørgaard',
  'Müller',
  'Dubois',
  'Szabó',
  'Tanaka',
  'Wei',
  'Hassan',
  'Ivanova',
  'Lefèvre',
  'Nagy',
  'Raghunath',
];
const COMPANIES = ['Red Hat', 'Grafana Labs', 'Google', 'Isovalent', 'Microsoft', 'AWS', 'Apple', 'Datadog', 'VMware', 'Independent', 'Shopify', 'Spotify'];
const CHANNELS = [
  'CNCF [Cloud Native Computing Foundation]',
  'CNCF [Cloud Native Computing Foundation]',
  'CNCF [Cloud Native Computing Foundation]',
  'PromCon',
  'FOSDEM',
  'The Linux Foundation',
  'GopherCon',
  'RustConf',
];
const WORDS = (
  'scrape limits sample label cardinality exemplars remote write recording rules agent mode federation sharding ' +
  'retention compaction downsampling histogram native buckets latency throughput tail sampling collector pipeline ' +
  'processor exporter receiver span context propagation baggage kernel probe verifier map program hook socket ' +
  'policy identity mutual tls certificate rotation sidecar ambient waypoint gateway route listener filter chain ' +
  'reconcile loop controller informer cache watch lease leader election webhook admission mutation validation ' +
  'scheduler plugin score filter preemption priority queue bin packing spot interruption consolidation drift ' +
  'image signing attestation provenance SBOM keyless transparency log rekor fulcio cosign policy controller ' +
  'tenant namespace quota limit range network isolation virtual cluster vcluster hierarchy capsule ' +
  'profile flame graph pprof continuous overhead symbolization unwinding frame pointers debuginfo'
).split(' ');
const CODE_BITS = [
  'sample_limit',
  'label_limit',
  'kubectl get pods -A',
  'remote_write',
  'histogram_quantile(0.99, …)',
  '--feature-gate=InPlacePodVerticalScaling',
  'bpf_map_lookup_elem',
  'x-envoy-upstream-service-time',
  'GOMEMLIMIT',
  'cosign verify',
  'topologySpreadConstraints',
];

export const BENCH_SEED = 20261126;

/** The bench's search, typed one character at a time (words of the data above); a fresh query after each clear. 40 keystrokes. */
export const SEARCH_QUERIES = ['prometheus scrape', 'ebpf network policy', 'otel'];

/**
 * @param {{ talks?: number, notes?: number, seed?: number }} [size]
 * @returns {{ format: 'talklog-backup', version: 1, exportedAt: string, talks: object[], notes: object[] }}
 */
export function makeBackup({ talks: talkCount = 2000, notes: noteCount = 20000, seed = BENCH_SEED } = {}) {
  const random = seededRandom(seed);
  const pick = /** @template T @param {ArrayLike<T>} list @returns {T} */ (list) => list[Math.floor(random() * list.length)];
  const int = (/** @type {number} */ min, /** @type {number} */ max) => min + Math.floor(random() * (max - min + 1));
  const chance = (/** @type {number} */ p) => random() < p;
  const words = (/** @type {number} */ n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };

  const start = Date.parse('2021-10-15T00:00:00.000Z');
  const span = Date.parse('2025-11-01T00:00:00.000Z') - start;
  const usedIds = new Set();
  /** @type {Record<string, any>[]} */
  const talks = [];
  for (let i = 0; i < talkCount; i++) {
    // The fake YouTube's own videos come first, so the popup opens a talk that has notes.
    const known = VIDEOS[i];
    let videoId = known?.id;
    while (!videoId || (usedIds.has(videoId) && !known)) {
      videoId = Array.from({ length: 11 }, () => pick(ID_ALPHABET)).join('');
    }
    usedIds.add(videoId);
    const speakers = Array.from({ length: chance(0.3) ? 2 : chance(0.9) ? 1 : 0 }, () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    const title = known ? known.title.replace(/ - .*$/, '') : pick(TITLE_SHAPES)(pick(TOPICS));
    const createdAt = start + Math.floor(random() * span);
    const tags = [...new Set(Array.from({ length: int(0, 4) }, () => pick(TAGS)))];
    talks.push({
      id: `t_${videoId}`,
      videoId,
      url: `https://www.youtube.com/watch?v=${videoId}`,
      title: speakers.length > 0 && chance(0.1) ? `${title} (${pick(COMPANIES)})` : title,
      channel: known ? known.channel : chance(0.05) ? null : pick(CHANNELS),
      speakers,
      durationSec: chance(0.03) ? null : known ? known.lengthSeconds : int(300, 3600),
      event: chance(0.1) ? null : pick(EVENTS),
      category: chance(0.15) ? null : pick(CATEGORIES),
      tags,
      interest: int(0, 5),
      status: chance(0.7) ? 'watched' : chance(0.5) ? 'watching' : 'to-watch',
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(createdAt + int(0, 30 * 86_400_000)).toISOString(),
    });
  }

  // Notes: about ten a talk on average, unevenly (some talks have none, some dozens).
  const weights = talks.map((_, i) => (i < VIDEOS.length ? 3 : random() < 0.1 ? 0 : random() ** 2 * 3));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  /** @type {number[]} */
  const cumulative = [];
  let running = 0;
  for (const w of weights) cumulative.push((running += w / totalWeight));
  const talkForNote = () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return talks[lo];
  };

  const noteBody = () => {
    switch (int(0, 9)) {
      case 0:
        return `- ${words(int(3, 8))}\n  - ${words(int(3, 8))}\n  - \`${pick(CODE_BITS)}\`\n- ${words(int(2, 6))}`;
      case 1:
        return `${words(int(4, 10))}:\n\n\`\`\`sh\n${pick(CODE_BITS)}\n${pick(CODE_BITS)}\n\`\`\``;
      case 2:
        return `> ${words(int(8, 16))}\n\n${words(int(3, 8))}`;
      case 3:
        return `see [the docs](https://example.com/${pick(TAGS)}/${int(1, 99)}) for ${words(int(3, 7))}`;
      case 4:
        return `**${words(2)}**: ${words(int(6, 20))}; \`${pick(CODE_BITS)}\``;
      default:
        return `${words(int(5, 30))}${chance(0.3) ? ` \`${pick(CODE_BITS)}\`` : ''}`;
    }
  };

  const notes = [];
  for (let i = 0; i < noteCount; i++) {
    const talk = talkForNote();
    const talkCreated = Date.parse(talk.createdAt);
    const createdAt = talkCreated + int(60_000, 14 * 86_400_000);
    notes.push({
      id: `n_${uuid()}`,
      talkId: talk.id,
      body: noteBody(),
      atSec: chance(0.2) || talk.durationSec === null ? null : int(0, talk.durationSec),
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(createdAt + (chance(0.2) ? int(1000, 86_400_000) : 0)).toISOString(),
    });
  }
  return { format: 'talklog-backup', version: 1, exportedAt: '2026-11-26T05:00:00.000Z', talks, notes };
}
