/**
 * Speakers in conference upload titles. Channels such as CNCF title talks
 * `Talk Title - Speaker Name, Company`, several people joined by `&`, `and` or `;`:
 *   `Intro to SIG Network - Tim Hockin & Rob Scott, Google`
 *   `Keynote: Project Update - Jane Doe, Acme; Rahul Iyer, Example Corp`
 * Only that shape is split: the text after the last ` - ` (or ` – `, ` — `) must read as a list
 * of people, each 2–4 capitalised words, optionally followed by `, Company`. Anything else
 * (`Rust - The Good Parts`, `Kubernetes - Part 2`, `Surface Go Review - It’s Awesome`) stays whole:
 * a missed speaker costs one edit, a title cut in half is wrong without the user noticing.
 * A comma always starts a company, as on those channels: `A, B & C` reads as A of B, and C.
 */

const SEPARATOR = /\s+[-–—]\s+/g;
/** Between people; kept in the split so a joiner inside a company name can be put back. */
const PEOPLE_JOINER = /(\s*;\s*|\s+&\s+|\s+and\s+)/;
/** A capitalised name word: `Płotka`, `O’Brien`, `Jean-Pierre`, `DeTiberus`, `J.`, `J.R.R.`; not `It’s`. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}]*(?:(?:['’]\p{Lu}|[-.]\p{L})[\p{L}\p{M}]*)*\.?$/u;
/** Names in scripts without capitals (`王磊`), accepted only with a company after them. */
const CASELESS_WORD = /^[\p{Lo}\p{M}·・]{1,10}$/u;
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'bin',
  'ibn',
  'al',
  'el',
  'ten',
  'ter',
]);

/** Words that make two capitalised words a title fragment, a product or a brand rather than a person. */
const NOT_NAME_WORDS = new Set(
  `a an the and or but nor of in on at to for with from by into onto over under about after before between
  through vs versus via without within beyond is are was were be been it its this that these those here there
  your you my our we us i me he she they them his her their how why what when where who which not no yes all
  any some every each more most less very so too just only also than then now new old next first last final
  part parts day days week year years episode ep session chapter volume vol season series round track level step
  steps edition version release update updates intro introduction overview review reviews recap summary demo
  demos tutorial workshop keynote keynotes panel talk talks lightning live stream q&a ama interview discussion
  fireside chat deep dive explained basics fundamentals guide tips tricks practices patterns lessons learned
  learnings journey study future state world cloud native open source security performance observability
  conference summit con meetup festival official trailer teaser hd full course crash awesome remarks closing
  opening welcome address getting started building scaling unplugged reloaded revisited returns begins strikes
  back hands-on lab labs morning afternoon evening night special bonus highlights best good great better worst
  bad top ultimate complete quick simple easy hard advanced beginner beginners expert experts everything
  js ts api apis sdk cli ui ux ai ml llm llms data code boot studio server serverless cluster clusters
  container containers docker kubernetes k8s helm kafka react angular vue node python java javascript
  typescript rust golang go swift kotlin scala ruby rails php sql graphql rest http web mobile devops gitops
  ops platform engineering framework library database linux windows android ios macos iphone pixel surface
  google microsoft amazon aws azure gcp apple meta red hat foundation institute university team group
  community project users inc ltd llc llp gmbh corp co plc
  memory management safety query queries planner planning component components model models traffic shifting
  routing networking network networks storage compiler compilers runtime runtimes testing debugging deployment
  deployments monitoring logging tracing metrics scheduling scheduler engine engines pipeline pipelines
  architecture design systems system internals concurrency parallelism threads caching cache tuning optimization
  benchmarks profiling migration migrations upgrades reliability resilience availability failover backups
  recovery incident incidents response functions types generics macros modules packages dependencies supply
  chain policy policies governance compliance privacy encryption authentication authorization identity secrets
  graph graphs index indexes search streaming streams events sourcing messaging queues workflows orchestration
  automation fuzzing verification analysis`.split(/\s+/),
);

interface Person {
  name: string;
  company: string | null;
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase();
}

function isPersonName(name: string, hasCompany: boolean): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (hasCompany && words.length >= 1 && words.length <= 2 && words.every((word) => CASELESS_WORD.test(word))) return true;
  const capitalised = words.filter((word) => !PARTICLES.has(word));
  return (
    capitalised.length >= 2 &&
    capitalised.length <= 4 &&
    capitalised[0] === words[0] &&
    capitalised.at(-1) === words.at(-1) &&
    capitalised.every((word) => NAME_WORD.test(word) && (word.endsWith('.') || !NOT_NAME_WORDS.has(word.toLowerCase()))) &&
    !capitalised.every(isAllCaps)
  );
}

function isCompany(company: string): boolean {
  return company.length > 0 && company.length <= 80 && /\p{L}/u.test(company);
}

/**
 * The people in a title's speaker part: `["Tim Hockin, Google", "Rob Scott, Google"]` for
 * `Tim Hockin & Rob Scott, Google`; null unless every part reads as a person.
 */
export function parseSpeakerList(text: string): string[] | null {
  const parts = text.trim().split(PEOPLE_JOINER);
  const people: Person[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i]!.trim();
    const comma = part.indexOf(',');
    const name = (comma === -1 ? part : part.slice(0, comma)).trim();
    const company = comma === -1 ? null : part.slice(comma + 1).trim();
    const previous = people.at(-1);
    if (isPersonName(name, company !== null) && (company === null || isCompany(company))) {
      people.push({ name, company });
    } else if (previous?.company && i > 0) {
      // `Jane Doe, Johnson & Johnson`: that joiner was inside the company name.
      previous.company += `${parts[i - 1]}${part}`;
    } else {
      return null;
    }
  }
  // `A & B, Google`: one company, after the last name, is everyone's (the CNCF habit).
  const companies = people.filter((person) => person.company !== null);
  const shared = companies.length === 1 && people.at(-1)?.company ? people.at(-1)!.company : null;
  return people.map(({ name, company }) => {
    const of = company ?? shared;
    return of ? `${name}, ${of}` : name;
  });
}

/** `Talk - Jane Doe, Acme` → `{title: 'Talk', speakers: ['Jane Doe, Acme']}`; other titles unchanged. */
export function splitSpeakers(title: string): { title: string; speakers: string[] } {
  let lastSeparator: RegExpExecArray | null = null;
  for (const match of title.matchAll(SEPARATOR)) lastSeparator = match;
  if (!lastSeparator) return { title, speakers: [] };
  const talk = title.slice(0, lastSeparator.index).trim();
  const speakers = parseSpeakerList(title.slice(lastSeparator.index + lastSeparator[0].length));
  return talk && speakers ? { title: talk, speakers } : { title, speakers: [] };
}
