/**
 * Word lists and word matching shared by the checks. Matching is on lower-cased text with
 * Unicode word boundaries, so letter case never changes a verdict; quotes come back in the
 * learner's own spelling.
 */

const B = '(?<![\\p{L}\\p{N}-])';
const E = '(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-blind regular expression for any of `phrases`, whole words only. */
export function phraseRegex(phrases: readonly string[], flags = 'gu'): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(`${B}(?:${sorted.map((p) => escape(p).replace(/ /g, '\\s+')).join('|')})${E}`, flags);
}

export interface Hit {
  /** As the learner wrote it. */
  readonly quote: string;
  readonly index: number;
}

/** Every match of `re` in `text` (matched on its lower-case form). */
export function hits(text: string, re: RegExp): Hit[] {
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const out: Hit[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(lower); m; m = g.exec(lower)) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    out.push({ quote: same ? text.slice(m.index, m.index + m[0].length) : m[0], index: m.index });
  }
  return out;
}

export function firstHit(text: string, re: RegExp): Hit | undefined {
  return hits(text, re)[0];
}

/** Quoted spans ("…", '…', “…”, ‘…’) blanked out: a vague word in quotes is a name, not a claim. */
export function withoutQuotes(text: string): string {
  return text
    .replace(/"[^"\n]*"/g, (m) => ' '.repeat(m.length))
    .replace(/“[^”\n]*”/g, (m) => ' '.repeat(m.length))
    .replace(/‘[^’\n]*’/g, (m) => ' '.repeat(m.length))
    .replace(/(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu, (m) => ' '.repeat(m.length));
}

/** Lower-case words (letters and digits, with inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export const STOP = new Set(
  `a an the and or but so that to of in on at by for with from into onto as is are was were be been being it its this these those
  i me my mine we us our you your he she him her his they them their there here what which who whom whose when where why how
  can could should would will shall may might must do does did done have has had not no nor than then too very just also
  want wants wanted like need needs able get gets want's i'd i'm i've let lets about any some all each every one own
  more less over under up down out off again once if else while because until such only same other new
  don't don’t doesn't can't won't isn't`.split(/\s+/),
);

/** A crude stem: enough to match "claims" with "claim" and "phoning" with "phone". */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 6 && w.endsWith('ments')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ment')) w = w.slice(0, -4);
  else if (w.length > 3 && w.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, stemmed, without stop words. */
export function contentStems(text: string): string[] {
  return words(text)
    .flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]))
    .filter((w) => !STOP.has(w) && w.length > 1 && !/^\d+$/.test(w))
    .map(stem);
}

const STEM_SETS = new Map<string, ReadonlySet<string>>();

/**
 * `contentStems` as a set, remembered: a written story is compared with every story in the
 * Product Backlog, the same texts again at every step. Bounded, and pure, so results never differ.
 */
export function stemSet(text: string): ReadonlySet<string> {
  let set = STEM_SETS.get(text);
  if (!set) {
    if (STEM_SETS.size >= 4096) STEM_SETS.clear();
    set = new Set(contentStems(text));
    STEM_SETS.set(text, set);
  }
  return set;
}

/** Vague words: they promise a quality without saying how anyone would check it. */
export const VAGUE = [
  'quick', 'quickly', 'quicker', 'easy', 'easily', 'easier', 'seamless', 'seamlessly', 'user-friendly', 'user friendly',
  'friendly', 'fast', 'faster', 'simple', 'simply', 'simpler', 'intuitive', 'intuitively', 'etc', 'and/or', 'efficient',
  'efficiently', 'flexible', 'robust', 'modern', 'nice', 'nicer', 'optimal', 'optimised', 'optimized', 'appropriate',
  'appropriately', 'adequate', 'sufficient', 'various', 'several', 'asap', 'as soon as possible', 'smooth', 'smoothly',
  'streamlined', 'powerful', 'convenient', 'conveniently', 'state-of-the-art', 'state of the art', 'innovative',
  'reasonable', 'reasonably', 'better', 'awesome', 'world-class', 'world class', 'cutting-edge',
  'and so on', 'and more', 'some kind of', 'or something', 'stuff', 'things', 'properly', 'correctly', 'as expected',
  'as needed', 'if needed', 'where relevant', 'relevant', 'improved', 'enhanced', 'better experience', 'engaging',
  'pleasant', 'beautiful', 'slick', 'snappy', 'responsive', 'reassuring', 'straightforward', 'hassle-free',
  'painless', 'effortless', 'effortlessly', 'etc.',
];
export const VAGUE_RE = phraseRegex(VAGUE);

/** Words that name a solution or a technology rather than a need. */
export const SOLUTION = [
  'database', 'db', 'sql', 'api', 'apis', 'endpoint', 'json', 'xml', 'rest api', 'graphql', 'button', 'buttons',
  'dropdown', 'drop-down', 'drop down', 'checkbox', 'check box', 'pop-up', 'popup', 'modal', 'carousel', 'slider',
  'hamburger menu', 'react', 'angular', 'vue', 'kubernetes', 'k8s', 'docker', 'microservice', 'microservices', 'cache',
  'caching', 'redis', 'kafka', 'server', 'servers', 'cloud', 'aws', 'azure', 'blockchain', 'ai', 'chatbot', 'chat bot',
  'machine learning', 'algorithm', 'webhook', 'cron', 'cron job', 'qr code', 'nfc', 'bluetooth', 'spreadsheet',
  'excel', 'sharepoint', 'salesforce', 'oauth', 'sso', 'jwt', 'terraform', 'helm', 'lambda', 'mobile app', 'native app',
  'ios app', 'android app', 'app', 'widget', 'iframe', 'html', 'css', 'javascript', 'python', 'java', 'backend',
  'back end', 'back-end', 'frontend', 'front end', 'front-end', 'schema', 'crm', 'erp',
  'dashboard', 'portal page', 'push notification', 'push notifications', 'banner', 'toggle', 'text field', 'form field',
  'pdf export', 'csv', 'csv export', 'yaml', 'pipeline', 'script', 'tablet kiosk', 'kiosk', 'screen', 'screens',
  'apple wallet', 'google wallet', 'apple pay', 'google pay', 'paypal', 'stripe', 'whatsapp', 'slack', 'text box',
];
export const SOLUTION_RE = phraseRegex(SOLUTION);

/** Implementation detail in acceptance criteria. */
export const IMPLEMENTATION = [
  'database', 'db', 'sql', 'query', 'queries', 'api', 'apis', 'endpoint', 'endpoints', 'json', 'xml', 'http', 'https',
  'get request', 'post request', 'put request', 'status code', 'response code', '200 ok', '404', '500 error', 'server error',
  'on the server', 'server returns', 'server responds', 'cache', 'cached', 'caching', 'redis', 'cron', 'kafka', 'message queue', 'microservice', 'webhook',
  'jwt', 'cookie', 'cookies', 'session token', 'poll', 'polls', 'polling', 'rows', 'column', 'columns',
  'database table', 'table row', 'insert', 'inserted', 'foreign key', 'primary key', 'schema', 'css', 'html', 'div',
  'xpath', 'selector', 'button id', 'element id', 'dom', 'null', 'boolean', 'the flag', 'flag is set', 'field id',
  'stored procedure', 'backend', 'back end', 'back-end', 'frontend', 'front-end', 'react', 'javascript', 'function call',
  'variable', 'array', 'payload', 'log file', 'stack trace', 'retry loop',
  'timeout of', 'config', 'configuration file', 'env var', 'environment variable', 'yaml', 'record is written', 'is persisted', 'persisted', 'serialised', 'serialized', 'uuid', 'id field',
  'graphql', 's3 bucket', 'lambda', 'cloudwatch', 'websocket', 'web socket', 'batch job', 'shell script', 'script',
  'command line', 'rollback command', 'cron job',
];
export const IMPLEMENTATION_RE = phraseRegex(IMPLEMENTATION);

/** A technical layer, not a slice of value. */
export const LAYERS = [
  'front end', 'front-end', 'frontend', 'back end', 'back-end', 'backend', 'database', 'db', 'api', 'apis', 'ui',
  'user interface', 'server', 'server side', 'server-side', 'client side', 'client-side', 'schema', 'data layer',
  'service layer', 'persistence', 'tables', 'database tables', 'migration', 'infrastructure', 'middleware',
  'integration layer', 'the screens', 'css', 'styling', 'html', 'endpoints', 'endpoint', 'data model', 'unit tests',
  'testing', 'tests', 'deployment', 'pipeline', 'wireframes', 'mock-ups', 'mockups',
];
export const LAYERS_RE = phraseRegex(LAYERS);

/** Common verbs, to tell "see prices and opening hours" from "see prices and book a table". */
export const VERBS = new Set(
  `add apply ask attach book browse buy cancel change check choose claim click collect compare complete confirm contact
  copy create delete download edit email enter export fill find follow get give hear import invite join keep know leave
  list log login make manage mark message move order open pay phone pick plan post print read receive record register
  remove rename renew reorder repeat report request reserve reset return review save scan search see select send set share
  show sign skip sort start stop submit subscribe switch take tell text top track transfer update upload use view vote
  watch write answer approve assign attend call chat deploy provision rotate restore roll publish release revoke grant
  migrate monitor alert upgrade cut raise reduce increase grow halve double lower launch build deliver ship implement
  redeem earn spend tip rate refund swap top-up check-in undo retry resend reopen recover unlock lock block unblock`.split(/\s+/),
);

export const PERSON_WORDS = [
  'resident', 'residents', 'customer', 'customers', 'regular', 'regulars', 'user', 'users', 'team', 'teams', 'staff',
  'developer', 'developers', 'engineer', 'engineers', 'people', 'guest', 'guests', 'visitor', 'visitors', 'claimant',
  'claimants', 'caller', 'callers', 'caseworker', 'caseworkers', 'barista', 'baristas', 'diner', 'diners', 'member',
  'members', 'tenant', 'tenants', 'citizen', 'citizens', 'student', 'students', 'parent', 'parents', 'owner', 'owners',
  'squad', 'squads', 'service teams', 'product teams',
];
