import type { Note, Talk } from '../../src/talk/model';
import { makeNote, makeTalk } from './records';

/** The records behind docs/talk-log-example.md (a log written by hand), clipped in an arbitrary order. */
export function kubeconRecords(): { talks: Talk[]; notes: Note[] } {
  const profiling = makeTalk('XXXXXXXXXX3', {
    title: 'Effortless Profiling on Kubernetes',
    category: 'Observability',
    interest: 3,
    createdAt: '2021-10-20T09:00:00.000Z',
  });
  const prometheus = makeTalk('XXXXXXXXXX1', {
    title: 'Evolving Prometheus for More Use Cases',
    speakers: ['Bartłomiej Płotka'],
    category: 'Observability',
    interest: 5,
    createdAt: '2021-10-20T10:00:00.000Z',
  });
  const health = makeTalk('XXXXXXXXXX5', {
    title: 'Measuring the Health of Your CNCF Project',
    category: 'Community Related',
    interest: 3,
  });
  const openMetrics = makeTalk('XXXXXXXXXX2', {
    title: 'What You Need to Know About OpenMetrics',
    category: 'Observability',
    interest: 4,
  });
  const images = makeTalk('XXXXXXXXXX4', {
    title: 'Faster Container Image Distribution',
    category: 'Misc Tech',
    interest: 4,
  });
  const talks = [profiling, prometheus, health, openMetrics, images];
  const notes = [
    makeNote(prometheus, 'Prometheus Agent mode', { createdAt: '2021-10-21T10:04:00.000Z' }),
    makeNote(prometheus, 'new scrape limits:\n`sample_limit`, `label_limit`, `label_name_length_limit`, `target_limit`', {
      atSec: 190,
    }),
    makeNote(prometheus, 'exemplars in the OpenMetrics format', { createdAt: '2021-10-21T10:02:00.000Z' }),
    makeNote(prometheus, '`remote_write` of recording rules only', { createdAt: '2021-10-21T10:03:00.000Z' }),
    makeNote(openMetrics, 'counters need the `_total` suffix; timestamps are seconds'),
    makeNote(openMetrics, 'text format required, protobuf optional', { createdAt: '2021-10-21T11:00:00.000Z' }),
    makeNote(profiling, "`kubectl flame`: a profiler container on the target's node, sharing its pid namespace"),
    makeNote(profiling, 'could become ephemeral containers', { createdAt: '2021-10-21T11:00:00.000Z' }),
    makeNote(images, 'lazy pulling: eStargz (containerd) and nydus'),
    makeNote(images, '```sh\nk3s server --snapshotter=stargz\n```', { createdAt: '2021-10-21T11:00:00.000Z' }),
    makeNote(health, '> first response time on PRs: an hour is good, three days is bad'),
    makeNote(health, 'devstats dashboards per project', { createdAt: '2021-10-21T11:00:00.000Z' }),
    makeNote(health, '   \n\t\n'),
  ];
  return { talks, notes };
}

export const kubeconOptions = {
  title: 'Talk log: KubeCon NA 2021 (Los Angeles)',
  intro: 'Talks I watched afterwards on the CNCF channel, best first within each topic.',
};

/** Speakers, durations, hour-long timestamps, notes that start with a block, a talk without notes, no category. */
export function featureRecords(): { talks: Talk[]; notes: Note[] } {
  const ebpf = makeTalk('aaaaaaaaaa1', {
    title: 'eBPF Superpowers - From Zero to Hero',
    speakers: ['Liz Rice', 'Thomas Graf'],
    durationSec: 1880,
    category: 'Networking',
    interest: 4,
  });
  const workshop = makeTalk('aaaaaaaaaa2', {
    title: 'Service Mesh Workshop (Part 1)',
    durationSec: 3723,
    category: 'Networking',
    interest: 4,
    createdAt: '2021-10-19T08:00:00.000Z',
  });
  const keynote = makeTalk('aaaaaaaaaa3', {
    title: 'Keynote: The Next Ten Years',
    speakers: ['Priyanka Sharma'],
    durationSec: 900,
  });
  const security = makeTalk('aaaaaaaaaa4', {
    title: 'Supply Chain Security 101',
    durationSec: 1500,
    category: 'Security',
    interest: 4,
  });
  const talks = [ebpf, workshop, keynote, security];
  const notes = [
    makeNote(ebpf, 'slides are on the CNCF site', { atSec: null }),
    makeNote(ebpf, 'three program types:\n\n- kprobes\n  - on any kernel function\n- tracepoints\n- XDP', { atSec: 754 }),
    makeNote(ebpf, '```c\nSEC("xdp")\nint drop_all(struct xdp_md *ctx) { return XDP_DROP; }\n```', { atSec: 1201 }),
    makeNote(ebpf, 'verifier rejects unbounded loops', { atSec: 61.9 }),
    makeNote(workshop, '1. install the CLI\n2. inject the sidecar\n3. watch the dashboard', { atSec: 3700 }),
    makeNote(workshop, 'mTLS is on by default.\nRotation every 24h.\n\nAsk about SPIFFE ids.'),
    makeNote(keynote, '> "Cloud native is a journey, not a destination."\n\nFair, but vague.', { atSec: 30 }),
    makeNote(keynote, 'Recap\n======', { atSec: 840 }),
  ];
  return { talks, notes };
}

export const hostileTitles = [
  '[Not a link](https://evil.example)',
  '*Not emphasis* and _not either_ and **not strong**',
  '# Not a heading #',
  'Tags like <script>alert(1)</script> and <b>bold</b>',
  'Code `kubectl get pods` in the title',
  'Tables | with | pipes',
  'Emoji 🚀👩🏽‍💻 and ~strike~',
  'Literal &amp; and &#65; stay as typed, & alone too',
  'Ends with a backslash \\',
  'Two\nlines',
  '1. Not a list item',
  '# Starts like a heading',
  '',
];

/** Titles, names and notes that would break naive markdown. */
export function hostileRecords(): { talks: Talk[]; notes: Note[] } {
  const talks = hostileTitles.map((title, i) =>
    makeTalk(`hostile${String(i).padStart(4, '0')}`, {
      title,
      category: i % 3 === 0 ? '## C# & F# <Languages>' : i % 3 === 1 ? 'Uncategorized' : null,
      speakers: i === 0 ? ['1. Foo', '- x'] : i === 1 ? ['> y'] : i === 2 ? ['+ z'] : i === 3 ? ['==='] : [],
      interest: ((i % 5) + 1) as Talk['interest'],
      createdAt: `2021-10-20T10:${String(i).padStart(2, '0')}:00.000Z`,
    }),
  );
  const [first, second, third] = talks;
  const notes = [
    makeNote(first, '- outer\n  - inner\n    - innermost', { atSec: 10 }),
    makeNote(first, '```js\nconst x = 1;\n```', { atSec: 20 }),
    makeNote(first, '```\nnever closed\n\n### [Fake talk](https://www.youtube.com/watch?v=XXXXXXXXXXX)', { atSec: 30 }),
    makeNote(first, '> quoted\n> - with a list', { atSec: 40 }),
    makeNote(first, '# Heading in a note', { atSec: 50 }),
    makeNote(first, '---', { atSec: 60 }),
    makeNote(first, 'a paragraph\n===', { atSec: 70 }),
    makeNote(first, '<div>\nraw *HTML* block\n</div>', { atSec: 80 }),
    makeNote(first, 'a caption: <img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) [docs](https://prometheus.io)', {
      atSec: 85,
    }),
    makeNote(first, '    indented code', { atSec: 90 }),
    makeNote(second, '# Heading in a note'),
    makeNote(second, '---', { createdAt: '2021-10-21T10:01:00.000Z' }),
    makeNote(second, '===', { createdAt: '2021-10-21T10:02:00.000Z' }),
    makeNote(second, '~~~\ntilde fence, never closed', { createdAt: '2021-10-21T10:03:00.000Z' }),
    makeNote(second, '  - indented list\n\tand a tab', { createdAt: '2021-10-21T10:04:00.000Z' }),
    makeNote(second, '<!-- an HTML comment, never closed', { createdAt: '2021-10-21T10:05:00.000Z' }),
    makeNote(third, 'text\n\n\n\n\nafter four blank lines   \nand trailing spaces  '),
  ];
  return { talks, notes };
}

/** One event's log, from a queued playlist: what was watched, and what is still queued (in no order). */
export function conferenceRecords(): { talks: Talk[]; notes: Note[]; notWatchedYet: Talk[] } {
  const place = (position: number) => ({ id: 'PLkc21NAconfPlaylist01', position });
  const watched = makeTalk('kc21talk002', {
    title: 'GitOps at Scale 2',
    speakers: ['Mei Chen, Initech'],
    durationSec: 1174,
    event: 'KubeCon NA 2021',
    category: 'Delivery',
    interest: 4,
    playlist: place(2),
  });
  const queued = [
    makeTalk('kc21talk009', {
      title: 'Scaling Prometheus 9',
      speakers: ['Rahul Iyer, Example Corp'],
      durationSec: 1533,
      interest: 3,
      status: 'to-watch',
      playlist: place(10),
    }),
    makeTalk('kc21talk007', {
      title: 'eBPF in Production 7 [unsafe] & *You*: `#` <tricks>',
      speakers: ['Mei Chen, Initech'],
      durationSec: 1859,
      interest: 5,
      status: 'to-watch',
      playlist: place(8),
    }),
    makeTalk('kc21talk001', {
      title: 'eBPF in Production 1',
      speakers: ['Rahul Iyer, Example Corp'],
      durationSec: 1037,
      status: 'to-watch',
      playlist: place(1),
    }),
    makeTalk('kc21talk004', { title: 'Service Mesh Lessons 4', durationSec: 1448, interest: 5, status: 'to-watch', playlist: place(4) }),
  ];
  return {
    talks: [watched],
    notes: [makeNote(watched, 'Flux and Argo both reconcile; the difference is who owns the loop', { atSec: 312 })],
    notWatchedYet: queued,
  };
}
