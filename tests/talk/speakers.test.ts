import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseSpeakerList, splitSpeakers } from '../../src/talk/speakers';

describe('splitSpeakers splits conference titles of the shape "Talk - Speaker, Company"', () => {
  test.each([
    ['Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat', 'Evolving Prometheus for More Use Cases', ['Bartłomiej Płotka, Red Hat']],
    ['Kubernetes Networking Intro and Deep Dive - Tim Hockin, Google', 'Kubernetes Networking Intro and Deep Dive', ['Tim Hockin, Google']],
    // one company after several names is everyone's
    ['Intro to SIG Network - Tim Hockin & Rob Scott, Google', 'Intro to SIG Network', ['Tim Hockin, Google', 'Rob Scott, Google']],
    ['Cluster API Deep Dive - Naadir Jeewa, VMware & Jason DeTiberus, Equinix', 'Cluster API Deep Dive', ['Naadir Jeewa, VMware', 'Jason DeTiberus, Equinix']],
    [
      'SIG Node Update - Derek Carr, Red Hat; Dawn Chen, Google; Sergey Kanzhelev, Google',
      'SIG Node Update',
      ['Derek Carr, Red Hat', 'Dawn Chen, Google', 'Sergey Kanzhelev, Google'],
    ],
    ['Keynote: Cloud Native at Scale - Liz Rice & Thomas Graf', 'Keynote: Cloud Native at Scale', ['Liz Rice', 'Thomas Graf']],
    ['Keynote: What’s Next - Priyanka Sharma and Chris Aniszczyk, CNCF', 'Keynote: What’s Next', ['Priyanka Sharma, CNCF', 'Chris Aniszczyk, CNCF']],
    // dash variants, a hyphen inside the talk title, a hyphenated name
    ['Zero-Downtime Upgrades – Liz Fong-Jones, Honeycomb', 'Zero-Downtime Upgrades', ['Liz Fong-Jones, Honeycomb']],
    ['Multi-Tenancy — Adrian Ludwin, Google', 'Multi-Tenancy', ['Adrian Ludwin, Google']],
    // the LAST separator decides; earlier ones stay in the talk title
    ['eBPF - The Next Chapter - Daniel Borkmann, Isovalent', 'eBPF - The Next Chapter', ['Daniel Borkmann, Isovalent']],
    // names with particles, apostrophes, initials and accents
    ['GitOps at Scale - Ana María de la Cruz, Weaveworks', 'GitOps at Scale', ['Ana María de la Cruz, Weaveworks']],
    ['Operators in Practice - Sean O’Brien, Red Hat', 'Operators in Practice', ['Sean O’Brien, Red Hat']],
    ['WireGuard Internals - Jason A. Donenfeld', 'WireGuard Internals', ['Jason A. Donenfeld']],
    ['Scheduling Framework - Kris Nóva, Twilio', 'Scheduling Framework', ['Kris Nóva, Twilio']],
    // a name with a role and a company stays one entry
    ['Keynote: Project Update - Jane Doe, Executive Director, OpenSSF', 'Keynote: Project Update', ['Jane Doe, Executive Director, OpenSSF']],
    // a joiner inside a company name belongs to the company
    ['Supply Chains - Jane Doe, Johnson & Johnson', 'Supply Chains', ['Jane Doe, Johnson & Johnson']],
    ['Retail Edge - Jane Doe, Procter and Gamble', 'Retail Edge', ['Jane Doe, Procter and Gamble']],
    // names in scripts without capitals, with a company
    ['Karmada in Production - 王磊, Huawei', 'Karmada in Production', ['王磊, Huawei']],
  ])('%s', (input, title, speakers) => {
    expect(splitSpeakers(input)).toEqual({ title, speakers });
  });
});

describe('splitSpeakers leaves every other title whole', () => {
  test.each([
    'Surface Go Review - It’s Awesome', // fixture 01: a contraction is not a name
    'Rust - The Good Parts',
    'Kubernetes - Part 2',
    'Q&A - Day 1',
    'Intro - Welcome',
    'Prometheus - Under the Hood',
    'Kubernetes Security - Best Practices',
    'Service Mesh - Lessons Learned',
    'Envoy - Deep Dive',
    'Microservices - Spring Boot',
    'Deploying Apps - Google Cloud',
    'Operators - Red Hat',
    'Observability - Getting Started',
    'KUBERNETES - BEST PRACTICES',
    'KubeCon Recap - AWS EKS',
    'Go Concurrency Patterns - Part Two',
    // a topic and its subtopic: two capitalised words that name a thing, not a person
    'Linux Kernel Internals - Memory Management',
    'Rust in Production - Memory Safety',
    'Postgres Internals - Query Planner',
    'WebAssembly - Component Model',
    'Service Mesh - Traffic Shifting',
    'Kubernetes - Storage Internals',
    'Event Sourcing - Streaming Systems',
    'Zero Trust - Identity Policies',
    'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD', // fixture 04: no separator
    'Jane Doe - ', // nothing after the separator
    ' - Jane Doe, Acme', // nothing before it
    'Talk - Jane Doe, 2024', // a company needs letters
    'Talk - Jane Doe & bob', // every part must be a person (or continue the company before it)
    'Scaling Prometheus-Jane Doe', // a hyphen without spaces is not a separator
    'Talk | Jane Doe | KubeCon 2024', // pipes are usually a brand or event: not split
    'Talk by Jane Doe',
    'GopherCon 2019: Jane Doe - Title of the Talk',
    'Panel - Moderated by Jane Doe, Acme',
    'Lightning Talk - 王磊', // a caseless name needs a company
  ])('%s', (input) => {
    expect(splitSpeakers(input)).toEqual({ title: input, speakers: [] });
  });
});

describe('parseSpeakerList', () => {
  test('reads a list of people or nothing', () => {
    expect(parseSpeakerList('Tim Hockin & Rob Scott, Google')).toEqual(['Tim Hockin, Google', 'Rob Scott, Google']);
    expect(parseSpeakerList('Jane Doe, Acme & Rahul Iyer')).toEqual(['Jane Doe, Acme', 'Rahul Iyer']);
    expect(parseSpeakerList('The Good Parts')).toBeNull();
    expect(parseSpeakerList('')).toBeNull();
  });

  test('a comma always starts a company (the CNCF convention), so A, B & C is two people', () => {
    expect(parseSpeakerList('Alice Smith, Bob Jones & Carol White')).toEqual(['Alice Smith, Bob Jones', 'Carol White']);
  });
});

describe('splitSpeakers properties', () => {
  const word = fc.constantFrom('Jane', 'Rahul', 'Bartłomiej', 'Doe', 'Iyer', 'Płotka', 'O’Brien', 'Fong-Jones');
  const name = fc.array(word, { minLength: 2, maxLength: 3 }).map((words) => words.join(' '));
  const company = fc.constantFrom('Google', 'Red Hat', 'Example Corp', 'VMware');

  test('a talk title with a speaker suffix comes back as that title and those speakers', () => {
    fc.assert(
      fc.property(fc.constantFrom('Scaling Prometheus', 'Keynote: Cloud Native Today', 'eBPF - Part 2'), name, company, (talk, person, of) => {
        expect(splitSpeakers(`${talk} - ${person}, ${of}`)).toEqual({ title: talk, speakers: [`${person}, ${of}`] });
      }),
    );
  });

  test('a split never loses text: talk part plus speakers cover the original', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const { title: talk, speakers } = splitSpeakers(title);
        // Unsplit, the title is kept whole; split, the talk part is where the title starts.
        expect(speakers.length === 0 ? talk === title : title.startsWith(talk)).toBe(true);
      }),
    );
  });
});
