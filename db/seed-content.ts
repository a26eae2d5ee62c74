// The words of the demo publication: its sections, staff, tags, illustrations and articles. Every
// place, person, club and company here is invented. db/seed.ts turns this into rows; keeping the
// text apart keeps that file about the database.
import type { Block, Blockquote, BulletList, Embed, Figure, Heading, Inline, OrderedList, Paragraph, Table, TableRow, TextNode } from '../lib/article-body';
import type { CommentMode, CorrectionKind, StaffRole } from '../lib/domain';

export const PUBLICATION = {
  name: 'The Port Ellery Standard',
  tagline: 'News from the estuary and the Avel Valley since 1871',
  description:
    'The Port Ellery Standard is the independent daily of Port Ellery and the Avel Valley: local news, ' +
    'business, science, culture, sport and opinion, with world news from our editors and the wire services.',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  staffEmailFormula: '{first_initial}{last_name}@example.org',
  commentPolicy: 'hold_first',
  commentsCloseAfterDays: 14,
  commentMaxDepth: 3,
} as const;

export const SECTIONS = [
  { slug: 'news', name: 'News', description: 'Port Ellery, the Avel Valley and the coast: councils, courts, transport, schools and health.' },
  { slug: 'world', name: 'World', description: 'International news from our editors and the wire services.' },
  { slug: 'business', name: 'Business', description: 'Jobs, companies, the harbour economy and the cost of living.' },
  { slug: 'science', name: 'Science', description: 'Research, the environment and the natural world of the estuary.' },
  { slug: 'culture', name: 'Culture', description: 'Theatre, books, art and music, reviewed and previewed.' },
  { slug: 'sport', name: 'Sport', description: 'Football, cricket, rowing and everything else played in the valley.' },
  { slug: 'opinion', name: 'Opinion', description: 'Leaders, columns and arguments worth having.' },
] as const;
export type SectionSlug = (typeof SECTIONS)[number]['slug'];

export type StaffSeed = {
  slug: string;
  firstName: string;
  lastName: string;
  role: StaffRole;
  jobTitle: string;
  bio: string;
  /** A fixed address instead of the site's formula. */
  emailOverride?: string;
};

export const STAFF = [
  {
    slug: 'rosalind-kettering',
    firstName: 'Rosalind',
    lastName: 'Kettering',
    role: 'admin',
    jobTitle: 'Editor',
    bio: 'Rosalind Kettering has edited the Standard since 2019, having joined as a trainee reporter on the Brackenford edition. She writes the Saturday leader and answers readers’ letters herself.',
    emailOverride: 'admin@example.org',
  },
  {
    slug: 'tobias-wren',
    firstName: 'Tobias',
    lastName: 'Wren',
    role: 'editor',
    jobTitle: 'News Editor',
    bio: 'Tobias Wren runs the newsdesk and the overnight wire desk. Before that he spent eight years covering courts and councils across Avelshire.',
  },
  {
    slug: 'priya-castellan',
    firstName: 'Priya',
    lastName: 'Castellan',
    role: 'editor',
    jobTitle: 'Deputy Editor and World Editor',
    bio: 'Priya Castellan edits the world pages and the weekend features. She reported from Maresca and Valdoria for six years and still keeps a flat in Serenne.',
  },
  {
    slug: 'declan-fairweather',
    firstName: 'Declan',
    lastName: 'Fairweather',
    role: 'author',
    jobTitle: 'Chief Reporter',
    bio: 'Declan Fairweather covers the city council, transport and anything that floods. He has lived in Tollgate all his life and has never owned a car.',
  },
  {
    slug: 'amara-okonjo-bell',
    firstName: 'Amara',
    lastName: 'Okonjo-Bell',
    role: 'author',
    jobTitle: 'Science and Environment Correspondent',
    bio: 'Amara Okonjo-Bell trained as a marine biologist at the Avel Marine Laboratory before turning to journalism. She writes about the estuary, the weather and the research done in the valley.',
  },
  {
    slug: 'joanna-hartigan',
    firstName: 'Joanna',
    lastName: 'Hartigan',
    role: 'author',
    jobTitle: 'Business Editor',
    bio: 'Joanna Hartigan covers companies, jobs and the cost of living. She previously worked as an accountant in Castlemere, which she says taught her to read the footnotes first.',
  },
  {
    slug: 'niamh-calloway',
    firstName: 'Niamh',
    lastName: 'Calloway',
    role: 'contributor',
    jobTitle: 'Arts Critic',
    bio: 'Niamh Calloway reviews theatre, books and exhibitions for the Standard. She also draws many of the illustrations that appear in the paper.',
  },
  {
    slug: 'ravi-sutherland',
    firstName: 'Ravi',
    lastName: 'Sutherland',
    role: 'contributor',
    jobTitle: 'Sports Writer',
    bio: 'Ravi Sutherland has reported on Port Ellery Athletic home and away for a decade. In summer he swaps the press box for the boundary rope at Mill Meadow.',
  },
] as const satisfies readonly StaffSeed[];
export type StaffSlug = (typeof STAFF)[number]['slug'];

export const TAGS = [
  { slug: 'harbour', name: 'Harbour', description: 'The port, the quays, the fleet and the people who work on the water.' },
  { slug: 'city-council', name: 'City council', description: 'Decisions, budgets and arguments at Port Ellery Guildhall.' },
  { slug: 'transport', name: 'Transport', description: 'Buses, trains, ferries, roads and bridges.' },
  { slug: 'housing', name: 'Housing', description: 'New homes, rents and planning across the valley.' },
  { slug: 'schools', name: 'Schools', description: 'Education from nursery to sixth form.' },
  { slug: 'health', name: 'Health', description: 'Hospitals, surgeries and public health.' },
  { slug: 'river-avel', name: 'River Avel', description: 'The river that made the valley, from its source to the estuary.' },
  { slug: 'environment', name: 'Environment', description: 'Climate, pollution and the state of the land and sea.' },
  { slug: 'wildlife', name: 'Wildlife', description: 'Birds, fish, mammals and the people who count them.' },
  { slug: 'elections', name: 'Elections', description: 'Votes at home and abroad.' },
  { slug: 'economy', name: 'Economy', description: 'Prices, wages, rates and the money behind the headlines.' },
  { slug: 'jobs', name: 'Jobs', description: 'Who is hiring, who is cutting and what it means for workers.' },
  { slug: 'tourism', name: 'Tourism', description: 'Visitors, the summer season and the trade that serves them.' },
  { slug: 'football', name: 'Football', description: 'Port Ellery Athletic and the clubs of the Avelshire leagues.' },
  { slug: 'rugby', name: 'Rugby', description: 'Port Ellery RFC and the clubs of the county leagues.' },
  { slug: 'cricket', name: 'Cricket', description: 'County and club cricket from Mill Meadow and beyond.' },
  { slug: 'rowing', name: 'Rowing', description: 'Regattas, crews and the river clubs.' },
  { slug: 'theatre', name: 'Theatre', description: 'Reviews and news from the stages of the valley.' },
  { slug: 'books', name: 'Books', description: 'New writing, festivals and the libraries that lend it.' },
  { slug: 'art', name: 'Art', description: 'Exhibitions, galleries and the people who make the work.' },
  { slug: 'music', name: 'Music', description: 'Gigs, choirs, festivals and records.' },
  { slug: 'courts', name: 'Courts', description: 'Reports from Port Ellery Crown and magistrates’ courts.' },
  { slug: 'weather', name: 'Weather', description: 'Storms, heat, rain and the records they break.' },
  { slug: 'energy', name: 'Energy', description: 'Wind, tide, bills and the grid.' },
  { slug: 'food-and-drink', name: 'Food and drink', description: 'Growers, makers, cafés and the harbour catch.' },
] as const;
export type TagSlug = (typeof TAGS)[number]['slug'];

export type ImageSeed = {
  name: string;
  width: number;
  height: number;
  /** Size of public/demo/<name>.svg; the files are committed, so this is known in advance. */
  bytes: number;
  alt: string;
  caption: string;
  artist: StaffSlug;
};

export const IMAGES = [
  { name: 'harbour-dawn', width: 1600, height: 900, bytes: 5869, artist: 'niamh-calloway', alt: 'Sailing boats moored in a calm harbour at sunrise, with a red-and-white lighthouse on the breakwater', caption: 'Early morning on the inner harbour.' },
  { name: 'skyline-dusk', width: 1600, height: 900, bytes: 3689, artist: 'niamh-calloway', alt: 'Tower blocks and office buildings in silhouette against an orange and purple evening sky', caption: 'The city centre at dusk.' },
  { name: 'rising-chart', width: 1600, height: 900, bytes: 3104, artist: 'joanna-hartigan', alt: 'A bar chart with a line that climbs steadily from left to right', caption: 'The figures have risen month after month.' },
  { name: 'autumn-leaves', width: 1200, height: 1200, bytes: 10890, artist: 'amara-okonjo-bell', alt: 'Orange, red and yellow leaves scattered across dark ground', caption: 'Autumn in the Avel Valley.' },
  { name: 'stadium-lights', width: 1600, height: 900, bytes: 12546, artist: 'ravi-sutherland', alt: 'A floodlit football pitch at night seen from behind one goal, with the crowd in the stand opposite', caption: 'Under the floodlights at Wharf Lane.' },
  { name: 'council-chamber', width: 1600, height: 900, bytes: 6850, artist: 'niamh-calloway', alt: 'Rows of seats in a horseshoe-shaped council chamber, coloured by political group, around a desk and a gold mace', caption: 'The council chamber at Port Ellery Guildhall.' },
  { name: 'river-bridge', width: 1600, height: 900, bytes: 1702, artist: 'niamh-calloway', alt: 'A five-arched stone bridge spanning a wide river below green hills', caption: 'An old stone crossing on the Avel.' },
  { name: 'microscope-cells', width: 1200, height: 1200, bytes: 5329, artist: 'amara-okonjo-bell', alt: 'Pale green cells with purple nuclei seen through the round field of a microscope', caption: 'Samples under the microscope.' },
  { name: 'theatre-curtain', width: 1600, height: 900, bytes: 2058, artist: 'niamh-calloway', alt: 'A lone figure in a spotlight on a wooden stage framed by red velvet curtains', caption: 'Curtain up.' },
  { name: 'rowing-lanes', width: 1600, height: 900, bytes: 9051, artist: 'ravi-sutherland', alt: 'Five rowing boats seen from above, racing in lanes marked by lines of buoys', caption: 'Crews racing in the buoyed lanes.' },
  { name: 'wind-turbines', width: 1600, height: 900, bytes: 2415, artist: 'amara-okonjo-bell', alt: 'Four white wind turbines on green rolling hills under a pale blue sky', caption: 'Turbines on the ridge above Upper Wend.' },
  { name: 'market-stalls', width: 1600, height: 900, bytes: 6831, artist: 'niamh-calloway', alt: 'Four market stalls with striped awnings and wooden crates of fruit', caption: 'Market day on Fore Street.' },
  { name: 'rain-map', width: 1200, height: 1200, bytes: 9494, artist: 'amara-okonjo-bell', alt: 'A weather chart showing a coastline, rings of pressure lines around a low and bands of rain', caption: 'A deep low approaching the coast.' },
  { name: 'bookshelf', width: 1200, height: 1200, bytes: 13548, artist: 'niamh-calloway', alt: 'A tall wooden bookcase with three shelves of books in coloured spines', caption: 'Shelves waiting for readers.' },
  { name: 'train-viaduct', width: 1600, height: 900, bytes: 1890, artist: 'niamh-calloway', alt: 'A blue train crossing a brick viaduct of tall arches at sunset', caption: 'The valley line crossing the Darrowfield viaduct.' },
  { name: 'conversation', width: 1200, height: 1200, bytes: 822, artist: 'niamh-calloway', alt: 'Two overlapping speech bubbles, one blue and one coral', caption: 'An argument worth having.' },
  { name: 'ferry-crossing', width: 1600, height: 900, bytes: 3863, artist: 'niamh-calloway', alt: 'A white passenger ferry crossing a choppy sea towards a low green headland', caption: 'A ferry leaving the estuary.' },
  { name: 'classroom', width: 1600, height: 900, bytes: 4117, artist: 'niamh-calloway', alt: 'Rows of desks facing a green chalkboard, with a clock on a yellow wall', caption: 'A classroom ready for the new term.' },
] as const satisfies readonly ImageSeed[];
export type ImageName = (typeof IMAGES)[number]['name'];

export const imageSrc = (name: ImageName) => `/demo/${name}.svg`;

export function imageCredit(name: ImageName): string {
  const image = IMAGES.find((i) => i.name === name);
  const artist = STAFF.find((s) => s.slug === image?.artist);
  return `Illustration: ${artist ? `${artist.firstName} ${artist.lastName}` : 'Staff'}/${PUBLICATION.name}`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks for article bodies.

type Part = string | TextNode;
const inline = (parts: Part[]): Inline[] => parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part));

export const p = (...parts: Part[]): Paragraph => ({ type: 'paragraph', content: inline(parts) });
export const h = (text: string): Heading => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
export const q = (text: string, cite?: string): Blockquote => ({
  type: 'blockquote',
  ...(cite ? { attrs: { cite } } : {}),
  content: [p(text)],
});
export const ul = (...items: Part[][]): BulletList => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(...i)] })) });
export const ol = (...items: Part[][]): OrderedList => ({ type: 'orderedList', content: items.map((i) => ({ type: 'listItem', content: [p(...i)] })) });
export const a = (text: string, href: string): TextNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
export const em = (text: string): TextNode => ({ type: 'text', text, marks: [{ type: 'italic' }] });
export const strong = (text: string): TextNode => ({ type: 'text', text, marks: [{ type: 'bold' }] });
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** House style: numbers up to ten in words, larger ones in figures. */
export const num = (n: number) => NUMBER_WORDS[n] ?? n.toLocaleString('en-GB');
/** The same, for the start of a sentence. */
export const Num = (n: number) => {
  const word = num(n);
  return word.charAt(0).toUpperCase() + word.slice(1);
};

export function fig(name: ImageName, caption?: string): Figure {
  const image = IMAGES.find((i) => i.name === name)!;
  return {
    type: 'image',
    attrs: { src: imageSrc(name), alt: image.alt, caption: caption ?? image.caption, credit: imageCredit(name), width: image.width, height: image.height },
  };
}

// ---------------------------------------------------------------------------------------------
// Stories. Each template is written once and told in one or more variants (another town, another
// match, another company); the seed's generator supplies the names of the people quoted.

export type Person = { name: string; surname: string };

/** Deterministic choices for one article. */
export type Ctx = {
  /** A new invented name; 'f' or 'm' only where the text needs a pronoun or a gendered word. */
  person: (sex?: 'f' | 'm') => Person;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
};

export type Written = { headline: string; standfirst: string; body: Block[]; seoDescription?: string };
export type Wire = { initials: string; agencies: string[] };

export type StoryEntry = {
  key: string;
  section: SectionSlug;
  tags: TagSlug[];
  image: ImageName | null;
  /** Staff slugs in byline order; empty for wire stories. */
  authors: StaffSlug[];
  wire?: Wire;
  commentMode?: CommentMode;
  write: (c: Ctx) => Written;
};

type Common = {
  tags?: TagSlug[];
  image?: ImageName | null;
  authors?: StaffSlug[];
  wire?: Wire;
  commentMode?: CommentMode;
};

function story<V extends object>(
  key: string,
  base: { section: SectionSlug; tags: TagSlug[]; image: ImageName | null; authors: StaffSlug[]; commentMode?: CommentMode },
  variants: (V & Common)[],
  write: (v: V & Common, c: Ctx) => Written,
): StoryEntry[] {
  return variants.map((v, i) => ({
    key: `${key}-${i + 1}`,
    section: base.section,
    tags: v.tags ?? base.tags,
    image: v.image === undefined ? base.image : v.image,
    authors: v.wire ? [] : (v.authors ?? base.authors),
    wire: v.wire,
    commentMode: v.commentMode ?? base.commentMode,
    write: (c) => write(v, c),
  }));
}

/** The newsdesk's two editors, who put the wire copy together. */
export const WIRE_DESK = { byline: 'Editors and Wire Services', initials: 'tw/pc' } as const;
const wire = (...agencies: string[]): Wire => ({ initials: WIRE_DESK.initials, agencies });

// ---------------------------------------------------------------------------------------------
// News

const harbourRepairs = story(
  'harbour-repairs',
  { section: 'news', tags: ['harbour', 'city-council'], image: 'harbour-dawn', authors: ['declan-fairweather'] },
  [
    {
      headline: 'Council approves £4.2m repair of North Quay wall after winter storms',
      place: 'Port Ellery',
      structure: 'the North Quay wall',
      length: '180-metre',
      built: '1894',
      cost: '£4.2m',
      vote: 'by 31 votes to nine',
      users: 'the fishing fleet, two boatyards and the summer ferry to Gannet Sands',
      months: 14,
      damage: 'a section of the wall had moved by almost 30 centimetres, and that seawater was washing out the rubble core behind the facing stones',
    },
    {
      headline: 'Quillhaven breakwater to be rebuilt in £1.6m scheme',
      place: 'Quillhaven',
      structure: 'the Quillhaven breakwater',
      length: '90-metre',
      built: '1912',
      cost: '£1.6m',
      vote: 'unanimously',
      users: 'the village’s eleven working boats and the inshore lifeboat',
      months: 9,
      damage: 'the seaward end had lost its capping stones and that the concrete toe laid in the 1960s was cracking along its length',
      authors: ['declan-fairweather', 'amara-okonjo-bell'] as StaffSlug[],
    },
  ],
  (v, c) => {
    const master = c.person();
    const councillor = c.person();
    return {
      headline: v.headline,
      standfirst: `Engineers warned that ${v.structure} could fail in another bad winter. Work is due to start in the spring and will take ${num(v.months)} months.`,
      body: [
        p(`Repairs to ${v.structure}, the ${v.length} stone barrier that has sheltered ${v.place}’s moorings since ${v.built}, were approved ${v.vote} at a meeting of the city council’s planning and harbours committee this week.`),
        p(`The ${v.cost} scheme follows a survey commissioned after last winter’s storms, which found that ${v.damage}.`),
        h('Years of patching'),
        p(`Successive budgets have paid for running repairs rather than a rebuild. Councillor ${councillor.name}, who chairs the committee, said that approach had reached its limit: “We have been filling holes with money for twenty years. This time we are fixing the thing properly.”`),
        q(`If that wall goes in a January gale, it takes ${v.users} with it. Nobody down here needed a survey to tell them that.`, `${master.name}, harbour master`),
        p(`${master.name}, the harbour master, said boats would be moved in stages so that no berth was lost for more than a few weeks at a time.`),
        h('What happens next'),
        ol(
          ['Contractors will be appointed over the winter, with the tender published on the council’s website.'],
          ['Temporary moorings will be laid in the outer harbour before work begins.'],
          [`The main rebuild is expected to take ${num(v.months)} months, avoiding the busiest weeks of the summer.`],
        ),
        p('The full engineering report is published with the committee papers at ', a('example.org/council/harbours', 'https://example.org/council/harbours'), '. Our earlier coverage is collected under ', a('Harbour', '/tag/harbour'), '.'),
      ],
    };
  },
);

const libraries = story(
  'libraries',
  { section: 'news', tags: ['books', 'city-council'], image: 'bookshelf', authors: ['declan-fairweather'] },
  [
    {
      place: 'Brackenford',
      headline: 'Brackenford library hours to be cut by a third under savings plan',
      standfirst: 'The county council says the change saves £86,000 a year. Regular users say it will close the library on the evenings working families can use it.',
      hours: 'Under the proposals, weekly opening would fall from 48 hours to 32.',
      angle: 'The library would close on Monday and Thursday evenings and all day on Wednesday.',
      reaction: 'A petition opposing the change has gathered more than 2,300 signatures in a fortnight, and the town council has asked for the decision to be paused until a public meeting can be held.',
    },
    {
      place: 'Darrowfield',
      headline: 'Volunteers step in to keep Darrowfield library open on Saturdays',
      standfirst: 'A rota of forty residents will staff the library at weekends after the county council withdrew paid Saturday hours.',
      hours: 'The library will still lose six paid hours a week, falling from 40 to 34, but will now open every day except Sunday.',
      angle: 'Saturday opening, which the county council stopped paying for in the spring, will be covered by volunteers under a twelve-month agreement.',
      reaction: 'Forty people have signed up for the rota so far, ranging from a retired headteacher to a sixth-former who says she did all her revision at the library’s long table.',
    },
    {
      place: 'Upper Wend',
      headline: 'Mobile library to stop serving Upper Wend and eleven hill villages',
      standfirst: 'The county’s last mobile library van will be retired in the new year and replaced by a home delivery service that must be booked by phone.',
      hours: 'Borrowers in the twelve villages it serves will instead be able to order books by telephone for delivery to their door.',
      angle: 'The van, which stops for an hour every fortnight in the square at Upper Wend, will make its last round in January.',
      reaction: 'Residents say the fortnightly visit is as much a social occasion as a chance to borrow books, and that many older borrowers will not use a telephone booking service.',
      image: 'autumn-leaves' as ImageName,
    },
  ],
  (v, c) => {
    const user = c.person();
    const cabinet = c.person();
    return {
      headline: v.headline,
      standfirst: v.standfirst,
      body: [
        p(`${v.angle} ${v.hours}`),
        p(v.reaction),
        q('It is warm, it is free and nobody asks you to buy anything. There are not many places like that left.', `${user.name}, a regular borrower`),
        h('The council’s case'),
        p(`Councillor ${cabinet.name}, the cabinet member for communities, said the county had to find £11m of savings this year and that libraries had been protected for longer than most services. “Every option in front of us is a bad one,” ${cabinet.surname} said.`),
        p('Borrowing figures supplied by the council show that visits have recovered to about four-fifths of their level before 2020, with the strongest growth in children’s lending and computer use.'),
        h('How to have your say'),
        ul(
          ['Comments can be sent to the county council until the end of the month.'],
          ['Paper forms are available at the library desk.'],
          ['A public meeting will be held at the library, with the date to be confirmed.'],
        ),
        p('The consultation document is at ', a('example.org/avelshire/libraries', 'https://example.org/avelshire/libraries'), '.'),
      ],
    };
  },
);

const busRoutes = story(
  'bus-routes',
  { section: 'news', tags: ['transport'], image: 'skyline-dusk', authors: ['declan-fairweather'] },
  [
    { route: '14', from: 'Hallow Marsh', to: 'Port Ellery', operator: 'Avel Valley Buses', riders: 310, alternative: 'a demand-responsive minibus that must be booked a day ahead', school: 'Hallow Marsh Primary' },
    { route: '7', from: 'Kestrel Point', to: 'Castlemere', operator: 'Coastline Coaches', riders: 190, alternative: 'two journeys a day on the longer coastal route', school: 'Castlemere Academy' },
  ],
  (v, c) => {
    const resident = c.person();
    const spokesperson = c.person();
    return {
      headline: `Residents fight plan to scrap the number ${v.route} bus from ${v.from}`,
      standfirst: `${v.operator} says the route loses money on every journey. Passengers say it is the only way to reach work, school and the hospital without a car.`,
      body: [
        p(`The number ${v.route} between ${v.from} and ${v.to} will stop running at the end of next month unless the county council agrees to subsidise it, ${v.operator} has confirmed.`),
        p(`The company says about ${v.riders} people use the route on an average weekday, too few to cover the cost of the driver and the fuel. It proposes to replace it with ${v.alternative}.`),
        h('“We will be stranded”'),
        p(`${resident.name}, who uses the bus to reach a morning shift in ${v.to}, said the replacement would be useless for anyone who worked irregular hours. “You cannot book a bus a day ahead when you find out your shift the night before,” ${resident.surname} said.`),
        p(`Parents have also raised concerns about pupils travelling to ${v.school}, several of whom rely on the first journey of the day.`),
        q('We understand how much the route matters to the people who use it, and we have kept it running at a loss for as long as we could.', `${spokesperson.name}, ${v.operator}`),
        h('What the council says'),
        p('The county council said it would consider the route alongside other requests for support when its transport budget is set next month, but warned that the money available was “a fraction of what is being asked for”.'),
        p('Readers can follow our coverage of buses and rail under ', a('Transport', '/tag/transport'), '.'),
      ],
    };
  },
);

const floodWarnings = story(
  'flood-warnings',
  { section: 'news', tags: ['weather', 'river-avel'], image: 'rain-map', authors: ['amara-okonjo-bell'] },
  [
    { place: 'Castlemere', streets: 'Mere Road, the Strand and the lower end of Church Lane', rain: 62, homes: 140, centre: 'the Castlemere leisure centre' },
    { place: 'Darrowfield', streets: 'Mill Street, Weavers Row and the riverside car park', rain: 55, homes: 85, centre: 'St Aidan’s church hall' },
  ],
  (v, c) => {
    const officer = c.person();
    const resident = c.person();
    return {
      headline: `Flood warning for ${v.place} as the Avel rises after a night of heavy rain`,
      standfirst: `Residents on ${v.streets.split(',')[0]} have been told to move valuables upstairs. The river is expected to peak this evening.`,
      body: [
        p(`A flood warning is in force for ${v.place} after ${v.rain}mm of rain fell on the upper Avel catchment in less than 24 hours, sending the river to its highest level since the floods of four winters ago.`),
        p(`The warning covers about ${v.homes} homes on ${v.streets}. Sandbags have been delivered to the worst-affected streets and a rest centre has been opened at ${v.centre}.`),
        h('Advice for residents'),
        ul(
          ['Move valuables, documents and medicines upstairs or to a high shelf.'],
          ['Switch off gas and electricity at the mains if water begins to enter your home.'],
          ['Do not walk or drive through flood water: 30 centimetres of moving water can float a car.'],
          ['Check on neighbours who may need help.'],
        ),
        q('The river is still rising and we expect it to peak in the early evening. Please take the warning seriously even if your street stayed dry last time.', `${officer.name}, duty flood officer`),
        p(`${resident.name}, whose ground floor was flooded four years ago, said the street had been quicker to react this time. “Everyone knew what to do. The sandbags were out before the warning came through,” ${resident.surname} said.`),
        h('Why now'),
        p('Forecasters say the ground was already saturated after a wet fortnight, so almost all of the rain ran straight off the hills into the river rather than soaking in.'),
        p('Live river levels are published at ', a('example.org/river-levels/avel', 'https://example.org/river-levels/avel'), '.'),
      ],
    };
  },
);

const schools = story(
  'schools',
  { section: 'news', tags: ['schools'], image: 'classroom', authors: ['tobias-wren'] },
  [
    { place: 'Stannerby', school: 'Stannerby Fields Primary', places: 420, cost: '£9.8m', open: 'in September next year', reason: 'the 1,600 homes built on the Stannerby estate over the past decade' },
    { place: 'Tollgate', school: 'Tollgate Hill Academy', places: 300, cost: '£6.1m', open: 'at the start of the following school year', reason: 'a rise in the number of secondary-age children living in the north of the city' },
  ],
  (v, c) => {
    const head = c.person();
    const parent = c.person();
    return {
      headline: `${v.school} to add ${v.places} places in ${v.cost} expansion`,
      standfirst: `Pupils have been taught in temporary classrooms for three years. The new building is due to open ${v.open}.`,
      body: [
        p(`${v.school} will be expanded by ${v.places} places after the county council approved a ${v.cost} building project to cope with ${v.reason}.`),
        p('The new block will include eight classrooms, a hall that can be used by community groups in the evenings and a kitchen large enough to cook every pupil a hot lunch on site.'),
        h('Out of the portable cabins'),
        p(`Since 2023 three year groups have been taught in temporary cabins on what used to be the school field. ${head.name}, the headteacher, said pupils had “made the best of it” but that the cabins were cold in winter and stifling in June.`),
        q('The children deserve a proper building, and so does the community that has waited for it.', `${head.name}, headteacher`),
        p(`${parent.name}, who chairs the parents’ association, welcomed the decision but said families wanted reassurance about traffic during the building work. The council said deliveries would be kept away from the start and end of the school day.`),
        p('Admissions for the new places will open in the usual way through the county’s online system at ', a('example.org/avelshire/admissions', 'https://example.org/avelshire/admissions'), '.'),
      ],
    };
  },
);

const housing = story(
  'housing',
  { section: 'news', tags: ['housing', 'city-council'], image: 'skyline-dusk', authors: ['declan-fairweather'] },
  [
    { site: 'the former gasworks at Tollgate', short: 'Tollgate gasworks', homes: 640, affordable: 25, developer: 'Harrowgate Living', concern: 'contaminated ground left by a century of gas production', place: 'Tollgate' },
    { site: 'Brackenford’s old wool mill', short: 'Brackenford mill', homes: 180, affordable: 30, developer: 'Avelside Homes', concern: 'the loss of the mill’s listed chimney, which the plans would keep but surround with five-storey blocks', place: 'Brackenford', image: 'train-viaduct' as ImageName },
    { site: 'the worked-out quarry at Castlemere', short: 'Castlemere quarry', homes: 320, affordable: 20, developer: 'Meregate Developments', concern: 'a single access road that already queues back to the bypass at rush hour', place: 'Castlemere', image: 'autumn-leaves' as ImageName },
  ],
  (v, c) => {
    const objector = c.person();
    const director = c.person();
    return {
      headline: `${v.homes} homes planned for ${v.short} site`,
      standfirst: `${v.developer} says the scheme will bring a derelict site back into use. Objectors point to ${v.concern.split(',')[0]}.`,
      body: [
        p(`Plans for ${v.homes} homes on ${v.site} have been submitted to the city council, the largest application in ${v.place} for more than a decade.`),
        p(`${v.developer} proposes that ${v.affordable} per cent of the homes be offered at below-market rents or for shared ownership, short of the council’s target of 35 per cent. The company says the cost of preparing the site makes a higher share unviable.`),
        h('The objections'),
        p(`More than 200 objections have been lodged so far. Most concern ${v.concern}.`),
        q('Nobody here is against new homes. We are against being told the details will be sorted out later.', `${objector.name}, ${v.place} residents’ association`),
        h('The developer’s case'),
        p(`${director.name}, a director of ${v.developer}, said the company had held three public exhibitions and changed the layout in response. “This site has been fenced off for years. We are offering homes, a park and a new path to the river,” ${director.surname} said.`),
        ul(
          [`${v.homes} homes, from one-bedroom flats to four-bedroom houses`],
          ['A public green of about two hectares'],
          ['Space for a nursery or health clinic on the ground floor of the central block'],
        ),
        p('The application and the objections can be read on the planning portal at ', a('example.org/planning', 'https://example.org/planning'), '. A decision is expected early next year.'),
      ],
    };
  },
);

const courtFlyTipping = story(
  'court-fly-tipping',
  { section: 'news', tags: ['courts'], image: null, authors: ['tobias-wren'], commentMode: 'closed' },
  [
    { place: 'Hallow Marsh', what: 'builders’ rubble and asbestos sheeting', where: 'a lay-by on the marsh road', fine: '£4,800', costs: '£1,250', age: 46, town: 'Castlemere' },
    { place: 'Tollgate', what: 'three fridges, a sofa and forty bags of household waste', where: 'the lane behind Tollgate allotments', fine: '£2,100', costs: '£740', age: 33, town: 'Port Ellery' },
  ],
  (v, c) => {
    const defendant = c.person('m');
    const prosecutor = c.person();
    return {
      headline: `${v.town} man fined ${v.fine} for dumping waste at ${v.place}`,
      standfirst: `Council officers traced the load from a receipt found among the rubbish. He admitted the offence at Port Ellery magistrates’ court.`,
      body: [
        p(`A ${v.age}-year-old man from ${v.town} has been fined ${v.fine} after admitting dumping ${v.what} in ${v.where}.`),
        p(`${defendant.name} pleaded guilty at Port Ellery magistrates’ court to a single charge of depositing controlled waste without a permit. He was also ordered to pay ${v.costs} in costs and the clear-up bill.`),
        h('Traced from a receipt'),
        p(`${prosecutor.name}, prosecuting for the city council, told the court that enforcement officers found a delivery receipt bearing the defendant’s name and address among the waste. A neighbour’s doorbell camera showed a van matching his being loaded on the morning the waste appeared.`),
        p('In mitigation, the court heard that he had been paid to clear a property and had not understood that he needed a licence to carry the waste. He had no previous convictions.'),
        q('Fly-tipping is not a victimless offence. Every load costs council-tax payers money to remove and can do lasting harm to the land.', 'Chair of the bench'),
        p('Fly-tipping can be reported to the city council online or by telephone, and residents are reminded to check that anyone taking their waste away holds a carrier’s licence.'),
      ],
    };
  },
);

const lifeboatRescue = story(
  'lifeboat-rescue',
  { section: 'news', tags: ['harbour', 'weather'], image: 'ferry-crossing', authors: ['declan-fairweather'] },
  [
    { station: 'Kestrel Point', vessel: 'a yacht with a fouled propeller', people: 'two sailors', where: 'three miles off the headland', wind: 'a force seven gale', time: 'just after 2am', they: 'They were', craft: 'their boat' },
    { station: 'Quillhaven', vessel: 'a kayaker who had been blown offshore', people: 'a 58-year-old man', where: 'beyond the mouth of Quill Creek', wind: 'a strong offshore breeze', time: 'in the late afternoon', they: 'He was', craft: 'the kayak' },
  ],
  (v, c) => {
    const helm = c.person();
    return {
      headline: `${v.station} lifeboat rescues ${v.people} ${v.where}`,
      standfirst: `The volunteer crew launched ${v.time} in ${v.wind}. Everyone was brought ashore safely.`,
      body: [
        p(`Volunteers from the ${v.station} lifeboat station were called out ${v.time} to help ${v.vessel} ${v.where}.`),
        p(`The crew reached the scene within twenty minutes and found ${v.people} cold but unhurt. ${v.they} taken aboard the lifeboat and brought back to the station to be checked by paramedics.`),
        q(`Conditions were lively, but the crew train for exactly this. The call for help came early, and whoever is out there should always stay with ${v.craft}. That made our job much easier.`, `${helm.name}, volunteer helm`),
        h('Safety advice'),
        ol(
          ['Check the forecast and the tide times before going out, and tell someone when you expect to be back.'],
          ['Always wear a lifejacket or buoyancy aid.'],
          ['Carry a way to call for help that works when wet.'],
          ['In an emergency at sea or on the coast, dial 999 and ask for the coastguard.'],
        ),
        p(`The ${v.station} station has launched more often this year than in any of the previous five. It is run entirely by volunteers and paid for by donations.`),
      ],
    };
  },
);

const bridgeClosure = story(
  'bridge-closure',
  { section: 'news', tags: ['transport', 'river-avel'], image: 'river-bridge', authors: ['declan-fairweather', 'tobias-wren'] },
  [
    { bridge: 'Hallow Marsh causeway', weeks: 6, diversion: 'a 14-mile diversion through Brackenford', work: 'replace the drainage culverts beneath the road', vehicles: 7000 },
    { bridge: 'Tollgate footbridge', weeks: 10, diversion: 'a walk of about twenty minutes via Station Road', work: 'replace the corroded steel deck', vehicles: 0 },
  ],
  (v, c) => {
    const engineer = c.person();
    const trader = c.person();
    const traffic = v.vehicles > 0;
    return {
      headline: `${v.bridge} to close for ${num(v.weeks)} weeks from next month`,
      standfirst: `The county says the work cannot wait. ${traffic ? 'Drivers face' : 'Pedestrians face'} ${v.diversion}.`,
      body: [
        p(`The ${v.bridge} will close for ${num(v.weeks)} weeks from the start of next month while contractors ${v.work}, the county council has confirmed.`),
        traffic
          ? p(`The crossing carries about ${v.vehicles.toLocaleString('en-GB')} vehicles a day. While it is closed, traffic will be sent on ${v.diversion}.`)
          : p(`The footbridge is the main route between the estate and the station for several hundred people a day. While it is closed, they face ${v.diversion}.`),
        h('Why the work is needed'),
        p(`${engineer.name}, the county’s bridges engineer, said inspections in the summer had found the deterioration was faster than expected. “We could keep patching it, but we would be back in a year doing the same thing,” ${engineer.surname} said.`),
        fig('river-bridge', 'Inspections found the structure had deteriorated faster than expected.'),
        q(`We lose the passing trade and we still pay the rent. ${Num(v.weeks)} weeks is a long time for a small shop.`, `${trader.name}, shopkeeper`),
        p('The council said signs would make clear that businesses near the bridge remain open, and that the work would stop for the Christmas week.'),
        p('Roadworks across the county are listed at ', a('example.org/avelshire/roadworks', 'https://example.org/avelshire/roadworks'), '.'),
      ],
    };
  },
);

const gpSurgery = story(
  'gp-surgery',
  { section: 'news', tags: ['health'], image: null, authors: ['tobias-wren'] },
  [
    { place: 'Upper Wend', surgery: 'the Wend Valley surgery', patients: 5200, change: 'will merge with the practice in Brackenford, seven miles away', fix: 'a branch surgery will stay open in the village three mornings a week' },
    { place: 'Stannerby', surgery: 'a new health centre on the Stannerby estate', patients: 9000, change: 'will open in the spring with eight GPs, a pharmacy and a dental practice', fix: 'patients registered at the crowded Tollgate practice will be offered a transfer' },
  ],
  (v, c) => {
    const manager = c.person();
    const patient = c.person();
    const opening = v.place === 'Stannerby';
    return {
      headline: opening ? 'Stannerby to get a health centre with GPs, pharmacy and dentist' : 'Upper Wend surgery to merge with Brackenford practice',
      standfirst: opening
        ? 'The centre has been promised since the estate was built. It will take up to 9,000 patients.'
        : 'The practice says it cannot recruit doctors to a single-handed village surgery. A branch will stay open three mornings a week.',
      body: [
        p(`${v.surgery.charAt(0).toUpperCase() + v.surgery.slice(1)} ${v.change}, the local health board has announced.`),
        p(`The change affects about ${v.patients.toLocaleString('en-GB')} patients. Under the plans, ${v.fix}.`),
        h(opening ? 'A long wait' : 'The recruitment problem'),
        p(
          opening
            ? 'A health centre was among the promises made when planning permission for the estate was granted. Residents have spent years travelling to Tollgate, where the waiting list for routine appointments is now more than three weeks.'
            : 'The surgery has advertised for a partner four times in two years without a single suitable applicant. Its one remaining GP retires in the summer.',
        ),
        q(
          opening ? 'This is the day a lot of people on the estate thought would never come.' : 'Nobody wanted this, but the alternative was a surgery with no doctor in it.',
          `${manager.name}, practice manager`,
        ),
        p(`${patient.name}, a patient for more than thirty years, said the most important thing was that people without cars could still be seen. The health board said it would look at ${opening ? 'a bus stop outside the centre' : 'a volunteer car scheme for patients who cannot travel'}.`),
        p('Patients can find their practice and its opening hours at ', a('example.org/nhs/find-a-gp', 'https://example.org/nhs/find-a-gp'), '.'),
      ],
    };
  },
);

const communityGarden = story(
  'community-garden',
  { section: 'news', tags: ['environment', 'food-and-drink'], image: 'autumn-leaves', authors: ['amara-okonjo-bell'] },
  [
    { place: 'Tollgate', site: 'a former bowling green', volunteers: 60, produce: 'two tonnes of vegetables', award: 'a regional award for community growing' },
    { place: 'Darrowfield', site: 'the disused yard behind the old co-op', volunteers: 35, produce: 'enough salad and soft fruit to supply the town’s food bank every week from May to October', award: 'a £20,000 lottery grant' },
  ],
  (v, c) => {
    const founder = c.person();
    const volunteer = c.person();
    return {
      headline: `${v.place} community garden wins ${v.award.replace(/^an? /, '')}`,
      standfirst: `Volunteers turned ${v.site} into a garden that grew ${v.produce.split(' every')[0]} this year.`,
      body: [
        p(`A community garden created on ${v.site} in ${v.place} has won ${v.award}, three years after a handful of neighbours first cleared it with borrowed tools.`),
        p(`The garden now has about ${v.volunteers} regular volunteers and this year grew ${v.produce}.`),
        h('From weeds to beds'),
        p(`${founder.name}, one of the founders, said the first summer had been spent pulling out brambles and shopping trolleys. “We found a car door. We still do not know how,” ${founder.surname} said.`),
        q('I came for the vegetables and stayed for the company. Half the people I know in this town I met with a trowel in my hand.', `${volunteer.name}, volunteer`),
        h('How to get involved'),
        ul(['Open sessions run on Wednesday evenings and Saturday mornings.'], ['No experience is needed, and tools and gloves are provided.'], ['Surplus produce goes to the food bank and the school kitchen.']),
        p('The garden’s plans for next year include a polytunnel and a small orchard of local apple varieties.'),
      ],
    };
  },
);

const stormWeather = story(
  'storm-weather',
  { section: 'news', tags: ['weather'], image: 'rain-map', authors: ['amara-okonjo-bell', 'declan-fairweather'] },
  [
    { storm: 'Storm Idris', gust: 84, where: 'Kestrel Point', damage: 'roofs stripped, trees down across the valley road and power cut to 3,000 homes', kind: 'wind' },
    { storm: 'a band of thundery rain', gust: 0, where: 'Brackenford', damage: 'flash flooding on the high street and a landslip that closed the railway line for a day', kind: 'rain', image: 'train-viaduct' as ImageName },
  ],
  (v, c) => {
    const resident = c.person();
    const engineer = c.person();
    const wind = v.kind === 'wind';
    return {
      headline: wind ? `${v.storm} brings 84mph gusts to the coast and cuts power to thousands` : 'Thunderstorms flood Brackenford high street and close the valley line',
      standfirst: wind
        ? 'The strongest gust was recorded at Kestrel Point. Engineers worked through the night to restore supplies.'
        : 'More than a month’s rain fell in three hours. A landslip near the viaduct closed the railway until the next evening.',
      body: [
        p(wind ? `${v.storm} swept across the coast overnight, with a gust of ${v.gust}mph recorded at ${v.where}, leaving ${v.damage}.` : `Intense storms moved up the valley on Tuesday afternoon, leaving ${v.damage}.`),
        p(wind ? 'Falling trees blocked the valley road in four places, and the harbour authority closed the outer breakwater to walkers.' : 'Water poured off the hillside into the town centre, and shopkeepers swept mud from their doorways well into the evening.'),
        h('The clean-up'),
        wind
          ? p(`${engineer.name}, who led one of the repair crews, said most of the damage was caused by trees falling across overhead lines. “The ground is so wet that roots just let go,” ${engineer.surname} said.`)
          : p(`${engineer.name}, who led the railway’s repair team, said about 400 tonnes of earth had slid on to the track near the viaduct. “We worked through the night with lights and diggers. The hillside simply could not hold any more water,” ${engineer.surname} said.`),
        q(wind ? 'I have lived on this hill for forty years and never heard wind like it. The whole house was humming.' : 'It came down like someone had turned on a tap. Ten minutes later the road was a river.', `${resident.name}, resident`),
        h('If you are affected'),
        wind
          ? ol(['Report a power cut by calling 105, free from any phone.'], ['Stay well away from fallen power lines and report them immediately.'], ['Photograph any damage before clearing up, for insurance purposes.'])
          : ol(['Photograph any damage before clearing up, for insurance purposes.'], ['Wear gloves when handling anything flood water has touched.'], ['Ask the council for sandbags and skips: both are free this week.']),
        p('Forecasters say the unsettled weather will continue into next week. Our weather coverage is collected under ', a('Weather', '/tag/weather'), '.'),
      ],
    };
  },
);

const NEWS_STORIES: StoryEntry[] = [
  ...harbourRepairs,
  ...libraries,
  ...busRoutes,
  ...floodWarnings,
  ...schools,
  ...housing,
  ...courtFlyTipping,
  ...lifeboatRescue,
  ...bridgeClosure,
  ...gpSurgery,
  ...communityGarden,
  ...stormWeather,
];

// ---------------------------------------------------------------------------------------------
// World: invented countries, reported by the world desk and the wire services.

const elections = story(
  'elections',
  { section: 'world', tags: ['elections'], image: 'council-chamber', authors: ['priya-castellan'] },
  [
    {
      country: 'Valdoria',
      capital: 'Serenne',
      winner: 'the centre-left Civic Alliance',
      leader: 'Ilse Varenne',
      seats: '112 of the 210 seats',
      turnout: 71,
      issue: 'the cost of housing in the capital and a long-running row over water rights in the south',
      wire: wire('AP', 'Reuters'),
    },
    {
      country: 'Kortheim',
      capital: 'Brunsk',
      winner: 'the conservative Union for Kortheim',
      leader: 'Anselm Drechsler',
      seats: '96 of the 180 seats',
      turnout: 64,
      issue: 'the closure of the northern coal mines and the future of the federation’s rail network',
    },
  ],
  (v, c) => {
    const analyst = c.person();
    return {
      headline: `${v.country} election: ${v.winner.replace(/^the /, '')} wins majority`,
      standfirst: `${v.leader} is set to become prime minister after ${v.winner} won ${v.seats}. Turnout was ${v.turnout} per cent.`,
      body: [
        p(`Voters in ${v.country} have given ${v.winner} an outright majority in parliament, ending months of uncertainty after the last coalition government collapsed in the spring.`),
        p(`With all districts declared, the party holds ${v.seats}. Its leader, ${v.leader}, told supporters in ${v.capital} that the result was “a mandate to get on with the work”.`),
        h('What the campaign was about'),
        p(`The campaign was dominated by ${v.issue}. Opinion polls had pointed to a hung parliament until the final week.`),
        q('The voters wanted a government that could decide things. They have given one party the numbers to do that, and with it nowhere to hide.', `${analyst.name}, political analyst`),
        h('What happens next'),
        ol(['The president will formally invite the new leader to form a government.'], ['Ministers are expected to be named within a fortnight.'], ['The first budget must be presented before the end of the year.']),
        p('Turnout, at ', strong(`${v.turnout} per cent`), ', was slightly higher than at the previous election. Our world coverage is collected in the ', a('World section', '/world'), '.'),
      ],
    };
  },
);

const transportStrikes = story(
  'transport-strikes',
  { section: 'world', tags: ['transport', 'jobs'], image: 'ferry-crossing', authors: ['priya-castellan'] },
  [
    { country: 'Maresca', service: 'inter-island ferries', union: 'the Seafarers’ Federation', days: 'three days', strike: 'three-day', pay: 'an 8 per cent rise', offer: '4 per cent', effect: 'islanders unable to reach hospital appointments on the main island and fresh food running short in smaller ports', wire: wire('Reuters', 'AFP') },
    { country: 'Kortheim', service: 'national railways', union: 'the Rail Workers’ League', days: '48 hours', strike: '48-hour', pay: 'guarantees on staffing levels', offer: 'a review', effect: 'commuters in Brunsk queuing for hours for replacement buses and freight backing up at the border crossings', image: 'train-viaduct' as ImageName },
  ],
  (v, c) => {
    const worker = c.person();
    const minister = c.person();
    return {
      headline: `Strike halts ${v.country}’s ${v.service} for ${v.days}`,
      standfirst: `${v.union.charAt(0).toUpperCase() + v.union.slice(1)} is demanding ${v.pay}. The government has offered ${v.offer}.`,
      body: [
        p(`Almost all of ${v.country}’s ${v.service} stopped running on Monday at the start of a ${v.strike} strike called by ${v.union}.`),
        p(`The stoppage left ${v.effect}.`),
        h('The dispute'),
        p(`The union is demanding ${v.pay}, saying its members’ pay has fallen well behind prices. The government, which owns the operator, has offered ${v.offer}.`),
        q('Nobody goes on strike lightly. We lose our pay, and we know the people we serve are angry. But we have been ignored for two years.', `${worker.name}, union representative`),
        p(`${minister.name}, the transport minister, called the action “disproportionate” and said the offer on the table was the most the country could afford.`),
        p('Talks are due to resume at the end of the week. Further strike dates have been announced but not yet confirmed.'),
      ],
    };
  },
);

const naturalEvents = story(
  'natural-events',
  { section: 'world', tags: ['environment'], image: 'rain-map', authors: ['priya-castellan'] },
  [
    { headline: 'Earthquake shakes the Sundaran Islands, damaging homes on Tamaro', place: 'the Sundaran Islands', what: 'A magnitude 6.3 earthquake', effect: 'cracked buildings in the old town of Tamaro and cut the only road to the north of the island', count: 'Dozens of people were treated for injuries', help: 'engineers and field hospitals from neighbouring states', wire: wire('AP', 'AFP'), image: 'microscope-cells' as ImageName },
    { headline: 'Floods in southern Valdoria force thousands from their homes', place: 'southern Valdoria', what: 'Three days of torrential rain', effect: 'burst the banks of the Orrin river and submerged farmland across the Calvane plain', count: 'About 12,000 people have been moved to emergency shelters', help: 'army boats and helicopters' },
  ],
  (v, c) => {
    const official = c.person();
    const witness = c.person();
    return {
      headline: v.headline,
      standfirst: `${v.count}. Rescue teams are working to reach villages cut off by the damage.`,
      body: [
        p(`${v.what} in ${v.place} ${v.effect}, officials said.`),
        p(`${v.count}, and the authorities have appealed for ${v.help}.`),
        q('We heard a sound like a train, and then everything on the shelves was on the floor. We ran into the street and stayed there until morning.', `${witness.name}, resident`),
        h('The response'),
        p(`${official.name}, who is co-ordinating the response, said the priority was to reach communities whose roads had been cut and to restore drinking water.`),
        ul(['Emergency shelters have been opened in schools and sports halls.'], ['Power has been restored to most of the affected area.'], ['Aid agencies have begun distributing food, blankets and water purification tablets.']),
        p('Scientists said the event was not unexpected in the region but that its effects had been made worse by the age of many buildings and the lack of drainage in fast-growing towns.'),
      ],
    };
  },
);

const fishingSummit = story(
  'fishing-summit',
  { section: 'world', tags: ['environment', 'harbour'], image: 'harbour-dawn', authors: [] },
  [{ wire: wire('Reuters', 'PA Media') }],
  (_v, c) => {
    const negotiator = c.person();
    const skipper = c.person();
    return {
      headline: 'Northern Sea Council agrees cuts to herring catch after stocks fall',
      standfirst: 'Member states will cut the herring quota by 18 per cent next year. Fishing fleets say the decision will cost jobs; scientists say it does not go far enough.',
      body: [
        p('Ministers from the seven member states of the Northern Sea Council have agreed to reduce the herring catch by 18 per cent next year after scientific advice showed spawning stocks had fallen for a fourth consecutive year.'),
        p('The agreement was reached in the early hours after two days of talks in Vell, the capital of Maresca, which holds the council’s rotating presidency.'),
        h('A compromise'),
        p('Scientists had recommended a cut of almost a third. Several states with large pelagic fleets had argued for no change at all.'),
        q('Nobody leaves this room happy, which is usually the sign of a fair compromise.', `${negotiator.name}, chief negotiator for Maresca`),
        p(`Fishing organisations said the cut would hit smaller boats hardest. ${skipper.name}, who skippers a boat from the Avelshire coast, said the fleet had already shrunk by half in a generation.`),
        p('The council also agreed to fund a new survey of spawning grounds, with results due before next year’s talks.'),
      ],
    };
  },
);

const carFreeOldTown = story(
  'car-free-old-town',
  { section: 'world', tags: ['transport', 'environment'], image: 'skyline-dusk', authors: ['priya-castellan'] },
  [{}],
  (_v, c) => {
    const mayor = c.person();
    const shopkeeper = c.person();
    const resident = c.person();
    return {
      headline: 'Brunsk bans cars from its medieval old town',
      standfirst: 'Kortheim’s capital will close the old town to private cars from the spring. Shopkeepers are divided; residents mostly approve.',
      body: [
        p('Private cars will be banned from the medieval old town of Brunsk from the spring, after the city assembly voted narrowly in favour of one of the most ambitious traffic schemes in the region.'),
        p('Residents, delivery vans in the early morning, taxis carrying disabled passengers and emergency vehicles will be exempt. Everyone else will be asked to park in three new car parks on the ring road and walk or take a free shuttle tram.'),
        h('Divided opinions'),
        q('The old town was built for carts and people. It is time we gave it back to the people.', `${mayor.name}, mayor of Brunsk`),
        p(`${shopkeeper.name}, who runs a hardware shop on the cathedral square, said the plan would drive customers to the out-of-town retail parks. “People do not carry paint tins on a tram,” ${shopkeeper.surname} said.`),
        p(`${resident.name}, who has lived in the old town for thirty years, said the streets had become impossible for children. “At the moment the pavement is where the cars park,” ${resident.surname} said.`),
        h('Lessons from elsewhere'),
        p('Similar schemes in other European cities saw footfall fall in the first year and then recover above its previous level, according to a study commissioned by the city. Critics say those cities had better public transport to begin with.'),
      ],
    };
  },
);

const ancientHarbour = story(
  'ancient-harbour',
  { section: 'world', tags: ['harbour'], image: 'harbour-dawn', authors: ['priya-castellan', 'amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const archaeologist = c.person();
    return {
      headline: 'Divers find remains of a 2,000-year-old harbour off the coast of Maresca',
      standfirst: 'Stone quays, mooring rings and hundreds of pottery fragments lie in six metres of water off the island’s western cape.',
      body: [
        p('Archaeologists working off the western cape of Maresca have found the remains of a harbour that they believe was in use about two thousand years ago, the island’s heritage ministry has announced.'),
        p('Divers mapped more than 200 metres of stone quay, carved mooring rings and the footings of what may have been a lighthouse, all now lying in about six metres of water.'),
        h('A lost trading post'),
        p('The find could answer a long-standing puzzle: ancient sources describe a busy port on the western side of the island, but no trace of it had been found on land.'),
        q('We think the land here sank slowly over centuries, and the harbour went with it. The sea has kept it remarkably well.', `${archaeologist.name}, dive team leader`),
        fig('microscope-cells', 'Samples of marine growth taken from the quay stones will help date when the harbour was submerged.'),
        h('What the divers found'),
        ul(['Dressed stone blocks, some weighing more than a tonne'], ['Amphora fragments from at least four different regions'], ['Lead anchor stocks and a bronze fitting from a ship’s rudder']),
        p('The ministry said the site would be protected and that diving would be permitted only with a licence while the survey continues.'),
      ],
    };
  },
);

const WORLD_STORIES: StoryEntry[] = [...elections, ...transportStrikes, ...naturalEvents, ...fishingSummit, ...carFreeOldTown, ...ancientHarbour];

// ---------------------------------------------------------------------------------------------
// Business

const companyJobs = story(
  'company-jobs',
  { section: 'business', tags: ['jobs', 'economy'], image: 'rising-chart', authors: ['joanna-hartigan'] },
  [
    { headline: 'Ellery Marine Engineering to create 120 jobs after winning wind farm vessel contract', company: 'Ellery Marine Engineering', jobs: 120, what: 'a contract to build six crew transfer vessels for offshore wind farms', where: 'its yard on the Tollgate side of the river', revenue: '£38m', because: 'after securing a contract to build six crew transfer vessels for offshore wind farms', roles: ['Skilled trades, including welders, fitters and electricians', 'Naval architects and design engineers', 'Stores, logistics and administrative roles'], tags: ['jobs', 'harbour', 'energy'] as TagSlug[], image: 'harbour-dawn' as ImageName },
    { headline: 'Gannet Foods to create 60 jobs with a second production line at Stannerby', company: 'Gannet Foods', jobs: 60, what: 'a second production line for its chilled soups and sauces', where: 'the Stannerby business park', revenue: '£21m', because: 'as it opens a second production line for its chilled soups and sauces', roles: ['Food production operatives and line leaders', 'Maintenance engineers and electricians', 'Warehouse, quality and administrative roles'], tags: ['jobs', 'food-and-drink'] as TagSlug[] },
  ],
  (v, c) => {
    const boss = c.person();
    const apprentice = c.person();
    return {
      headline: v.headline,
      standfirst: `The company will recruit over the next eighteen months at ${v.where}, including apprentices straight from school.`,
      body: [
        p(`${v.company} is to create ${v.jobs} jobs at ${v.where} ${v.because}.`),
        p(`The company, which reported revenue of ${v.revenue} last year, said roughly a quarter of the new roles would be apprenticeships, run with Port Ellery College.`),
        h('Why here'),
        p(`${boss.name}, the managing director, said the company had looked at sites elsewhere but chose to expand locally because of the skills already in the area. “We could have gone somewhere cheaper. We could not have gone somewhere better,” ${boss.surname} said.`),
        q('I started here at sixteen. My dad worked here before me. It is good to see the place growing again.', `${apprentice.name}, who finished an apprenticeship at the company last year`),
        h('The roles'),
        ul(...v.roles.map((r) => [r]), ['Around thirty apprenticeships over two intakes']),
        p('Vacancies will be advertised on the company’s website and through the jobcentre. Our jobs coverage is collected under ', a('Jobs', '/tag/jobs'), '.'),
      ],
    };
  },
);

const highStreet = story(
  'high-street',
  { section: 'business', tags: ['economy', 'city-council'], image: 'market-stalls', authors: ['joanna-hartigan'] },
  [
    { street: 'Fore Street', place: 'Port Ellery', empty: 14, total: 86, idea: 'six months’ free rent for new independent businesses in council-owned units' },
    { street: 'Market Place', place: 'Brackenford', empty: 9, total: 41, idea: 'a weekly evening market and the conversion of empty upper floors into flats' },
  ],
  (v, c) => {
    const owner = c.person();
    const officer = c.person();
    return {
      headline: `One in six shops on ${v.place}’s ${v.street} now empty, survey finds`,
      standfirst: `Traders counted ${v.empty} empty units out of ${v.total} and want cheaper parking. The council’s answer is ${v.idea}.`,
      body: [
        p(`Of the ${v.total} shop units on ${v.street} in ${v.place}, ${num(v.empty)} are empty, according to a survey by the local traders’ association, the highest figure it has recorded.`),
        p('Two banks, a shoe shop and a long-established department store have closed in the past eighteen months. Cafés, barbers and charity shops have filled some of the gaps.'),
        h('What traders say'),
        q('People still come into town. They just come less often and spend less when they do. Parking at two pounds an hour does not help.', `${owner.name}, who runs a stationery shop`),
        p(`${officer.name}, the council’s economic development officer, said the authority would trial ${v.idea}. “The high street will not look like it did in 1995, and it does not need to. It needs to be full,” ${officer.surname} said.`),
        h('The numbers'),
        ol([`Units surveyed: ${v.total}`], [`Empty: ${v.empty}, up from ${v.empty - 5} two years ago`], ['New businesses opened in the same period: 11']),
        p('The traders’ association’s full survey is at ', a('example.org/traders/survey', 'https://example.org/traders/survey'), '.'),
      ],
    };
  },
);

const ferryFares = story(
  'ferry-fares',
  { section: 'business', tags: ['transport', 'tourism'], image: 'ferry-crossing', authors: ['joanna-hartigan', 'declan-fairweather'] },
  [{}],
  (_v, c) => {
    const ceo = c.person();
    const islander = c.person();
    return {
      headline: 'Harbourline Ferries raises Gannet Sands fares by 12 per cent',
      standfirst: 'The operator blames fuel and insurance costs. Residents of the island say the rise makes the crossing a luxury.',
      body: [
        p('Harbourline Ferries will raise fares on its Port Ellery to Gannet Sands crossing by 12 per cent from January, taking the price of a standard adult return to £18.50.'),
        p('The company said fuel, insurance and the cost of a new engine for its older vessel had added more than £600,000 to its annual bill.'),
        h('Residents’ discount kept'),
        p('The discounted fare for island residents will rise by a smaller amount, about 5 per cent. Concessionary passes will continue to be accepted on weekday sailings.'),
        q('We do not take a fare rise lightly. But the alternative was fewer sailings, and nobody wants that.', `${ceo.name}, chief executive, Harbourline Ferries`),
        p(`${islander.name}, who commutes to Port Ellery three days a week, said the resident fare was manageable but visitors would be put off. “The island lives on day-trippers in summer. If they stop coming, the cafés close,” ${islander.surname} said.`),
        p('The company’s timetable for next year will be published next month.'),
      ],
    };
  },
);

const creamery = story(
  'creamery',
  { section: 'business', tags: ['food-and-drink', 'jobs'], image: 'autumn-leaves', authors: ['joanna-hartigan'] },
  [{}],
  (_v, c) => {
    const founder = c.person();
    const farmer = c.person();
    return {
      headline: 'Avel Valley Creamery doubles its milk intake with £3m dairy expansion',
      standfirst: 'The cheesemaker will buy milk from twelve more farms and add a visitor shop. It says demand from supermarkets has outstripped supply for two years.',
      body: [
        p('Avel Valley Creamery, the cheesemaker based outside Upper Wend, is to double the amount of milk it processes after completing a £3m expansion of its dairy.'),
        p('The company will take milk from twelve more farms in the valley, bringing its total to twenty-six. A visitor shop and café will open at the dairy in the spring.'),
        h('A fair price for milk'),
        p(`The creamery pays farmers a fixed price agreed a year in advance, which ${farmer.name}, one of its suppliers, said had made the difference between staying in dairy and selling the herd.`),
        q('When the milk price crashes, the big buyers cut what they pay overnight. This lot kept their word. That matters when you have got a mortgage on a milking parlour.', `${farmer.name}, dairy farmer`),
        p(`${founder.name}, who founded the business in a converted barn fifteen years ago, said the valley’s grass was the company’s secret. “It is the rain,” ${founder.surname} said. “We complain about it, and then we sell it.”`),
        ul(['Twelve new supplying farms'], ['Eighteen new jobs at the dairy'], ['A visitor shop and café opening in the spring']),
      ],
    };
  },
);

const offshoreWind = story(
  'offshore-wind',
  { section: 'business', tags: ['energy', 'jobs', 'harbour'], image: 'wind-turbines', authors: ['joanna-hartigan', 'amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const director = c.person();
    const councillor = c.person();
    return {
      headline: 'Port Ellery chosen as the maintenance base for the Gannet Bank wind farm',
      standfirst: 'Northlight Energy will lease the old timber wharf for 25 years. The base will employ about 150 people when the turbines are turning.',
      body: [
        p('Northlight Energy has chosen Port Ellery as the operations and maintenance base for its Gannet Bank offshore wind farm, ending a year-long contest between three ports on the coast.'),
        p('The company will lease the old timber wharf for 25 years and build offices, a warehouse and berths for four crew transfer vessels. About 150 people will be employed at the base once the farm is running.'),
        h('What it means for the harbour'),
        p('The wharf has been largely unused since the timber trade moved away in the 1990s. The harbour authority said the lease would pay for dredging that would also benefit the fishing fleet.'),
        q('This is the most important thing to happen to the harbour in my working life.', `Councillor ${councillor.name}`),
        p(`${director.name}, Northlight’s project director, said Port Ellery had won because of its deep water, its engineering firms and its college. Training courses for wind turbine technicians will start next September.`),
        h('Timeline'),
        ol(['Work on the wharf begins next spring.'], ['The first turbines are due to generate power in two years.'], ['The base reaches full staffing when all 64 turbines are installed.']),
        fig('rising-chart', 'Northlight expects generation at Gannet Bank to rise in steps as each row of turbines is connected.'),
      ],
    };
  },
);

const housePrices = story(
  'house-prices',
  { section: 'business', tags: ['housing', 'economy'], image: 'rising-chart', authors: ['joanna-hartigan'] },
  [
    { place: 'Port Ellery', what: 'rents', change: '9.4 per cent', figure: '£1,045 a month for a two-bedroom flat', now: 'A typical two-bedroom flat now lets for £1,045 a month.', cause: 'a shortage of homes to let and a growing number of flats turned into holiday lets' },
    { place: 'Castlemere', what: 'house prices', change: '6.1 per cent', figure: '£312,000 for an average home', now: 'The average home now sells for £312,000.', cause: 'buyers moving out from the city in search of more space and a lake view' },
  ],
  (v, c) => {
    const agent = c.person();
    const tenant = c.person();
    return {
      headline: `${v.place} ${v.what} up ${v.change} in a year, the fastest rise in the county`,
      standfirst: `${v.now} Agents blame ${v.cause.split(' and ')[0]}.`,
      body: [
        p(`${v.what.charAt(0).toUpperCase() + v.what.slice(1)} in ${v.place} rose by ${v.change} in the twelve months to September, the fastest increase of any town in Avelshire, according to figures from the county’s housing observatory.`),
        p(`The typical figure now stands at ${v.figure}.`),
        h('Behind the rise'),
        p(`Agents say the main driver is ${v.cause}.`),
        q('We are getting thirty enquiries for every property, sometimes more. I have never seen it like this.', `${agent.name}, letting agent`),
        p(`${tenant.name}, who has rented in the town for eight years, said the latest rise had taken more than a third of the household’s income. “We both work full time and we are further from buying than when we started,” ${tenant.surname} said.`),
        h('How the figures compare'),
        ul([`${v.place}: up ${v.change}`], ['Avelshire average: up 5.2 per cent'], ['National average: up 4.7 per cent']),
        p('The observatory’s quarterly report is at ', a('example.org/avelshire/housing-data', 'https://example.org/avelshire/housing-data'), '.'),
      ],
    };
  },
);

const tourismSeason = story(
  'tourism-season',
  { section: 'business', tags: ['tourism', 'economy'], image: 'harbour-dawn', authors: ['joanna-hartigan'] },
  [{}],
  (_v, c) => {
    const hotelier = c.person();
    const officer = c.person();
    return {
      headline: 'Visitor numbers beat pre-pandemic record as a wet summer fails to deter tourists',
      standfirst: 'The coast and the valley welcomed 2.4 million visitors between Easter and October. Businesses say the money did not always follow.',
      body: [
        p('The coast and the Avel Valley received about 2.4 million visitors between Easter and the end of October, according to the county’s tourism board, the highest figure on record.'),
        p('The number of overnight stays rose by 4 per cent, though day trips grew faster, helped by the reopening of the valley railway line in June.'),
        h('Busy but not richer'),
        q('We were full most nights, but our costs have gone up faster than we can put up our prices. It was a busy year and a thin one.', `${hotelier.name}, who runs a guest house in Kestrel Point`),
        p(`${officer.name}, of the tourism board, said the challenge was spreading visitors across the year. “August looks after itself. We need people here in March,” ${officer.surname} said.`),
        ul(['2.4 million visits, up 6 per cent'], ['Average stay: 3.1 nights'], ['Most popular attraction: the Gannet Sands ferry and beach']),
        p('The board plans a winter campaign built around walking, food and the Lantern Theatre’s programme.'),
      ],
    };
  },
);

const smallBusiness = story(
  'small-business',
  { section: 'business', tags: ['food-and-drink'], image: 'market-stalls', authors: ['joanna-hartigan'] },
  [
    { name: 'Weavers Yard Brewery', place: 'Darrowfield', what: 'a brewery in a former dye works', product: 'a pale ale made with hops grown on the valley side', staff: 7, headline: 'Darrowfield dye works reborn as a brewery and taproom' },
    { name: 'Saltpan Bakery', place: 'Quillhaven', what: 'a bakery in the old net loft', product: 'a sourdough made with seawater salt from the village’s own pans', staff: 5, headline: 'Quillhaven net loft becomes a bakery with a queue out of the door' },
  ],
  (v, c) => {
    const founder = c.person();
    const customer = c.person();
    return {
      headline: v.headline,
      standfirst: `${v.name} opened in the spring. It now employs ${num(v.staff)} people and sells out most weekends.`,
      body: [
        p(`When ${founder.name} first looked round the building that is now ${v.name}, the roof leaked and pigeons had the run of it. Eight months later, ${v.what} is one of the busiest small businesses in ${v.place}.`),
        p(`Its best seller is ${v.product}.`),
        h('Starting small'),
        p(`${founder.surname} paid for the fit-out with savings, a small business loan and a crowdfunding campaign that raised £24,000 from 400 backers in three weeks. “Most of them were neighbours. That tells you something about this place,” ${founder.surname} said.`),
        q('I come every Saturday. It is the first thing in years that has made people come to this end of town rather than drive past it.', `${customer.name}, customer`),
        h('What comes next'),
        ul(['Opening an extra day a week from the new year'], ['Supplying two cafés and the farm shop at Upper Wend'], [`Taking on an apprentice, which will bring the team to ${num(v.staff + 1)}`]),
      ],
    };
  },
);

const interestRates = story(
  'interest-rates',
  { section: 'business', tags: ['economy'], image: 'rising-chart', authors: [] },
  [{ wire: wire('Reuters') }],
  (_v, c) => {
    const governor = c.person();
    const economist = c.person();
    return {
      headline: 'Kortheim central bank raises interest rates for the third time this year',
      standfirst: 'The bank lifted its main rate to 4.75 per cent and warned that prices were rising faster than it expected in the summer.',
      body: [
        p('The central bank of Kortheim raised its main interest rate by a quarter of a percentage point to 4.75 per cent on Thursday, its third increase this year.'),
        p('Inflation in the federation reached 5.8 per cent in October, driven by energy and food prices, well above the bank’s target of 2 per cent.'),
        h('A warning on prices'),
        q('We will do what is necessary to bring inflation back to target. We would rather act too early than too late.', `${governor.name}, governor`),
        p(`${economist.name}, an economist in Brunsk, said the decision had been expected by markets but that the bank’s language suggested further rises were likely. “They are telling us this is not the last one,” ${economist.surname} said.`),
        p('The decision is likely to affect exporters in Avelshire, several of whom sell machinery and food into Kortheim.'),
      ],
    };
  },
);

const BUSINESS_STORIES: StoryEntry[] = [
  ...companyJobs,
  ...highStreet,
  ...ferryFares,
  ...creamery,
  ...offshoreWind,
  ...housePrices,
  ...tourismSeason,
  ...smallBusiness,
  ...interestRates,
];

// ---------------------------------------------------------------------------------------------
// Science

const seagrass = story(
  'seagrass',
  { section: 'science', tags: ['environment', 'wildlife'], image: 'microscope-cells', authors: ['amara-okonjo-bell'] },
  [
    { place: 'Hallow Marsh', area: 'two hectares', seeds: '180,000', partner: 'the Avel Marine Laboratory', survival: 61 },
    { place: 'Gannet Sands', area: 'just over a hectare', seeds: '95,000', partner: 'volunteer divers from the island’s sub-aqua club', survival: 48, image: 'harbour-dawn' as ImageName },
  ],
  (v, c) => {
    const scientist = c.person();
    const diver = c.person();
    return {
      headline: `Seagrass planted off ${v.place} is taking root, scientists say`,
      standfirst: `Divers found that ${v.survival} per cent of the seeds sown last year have grown into plants. The meadows store carbon and shelter young fish.`,
      body: [
        p(`A seagrass meadow sown off ${v.place} last autumn is establishing itself faster than expected, according to the first survey of the site by ${v.partner}.`),
        p(`About ${v.seeds} seeds were planted across ${v.area} of seabed, in hessian bags and by hand. Divers found that ${v.survival} per cent had grown into plants, well above the 20 to 30 per cent seen in most restoration projects.`),
        h('Why seagrass matters'),
        ul(['The meadows trap carbon in the seabed many times faster than the same area of forest.'], ['They act as a nursery for young fish, including bass and pollack.'], ['Their roots hold sediment in place and soften the force of waves on the shore.']),
        q('Seagrass once covered much of this coast. We lost most of it to disease, pollution and anchors within a lifetime. Seeing it come back is extraordinary.', `${scientist.name}, marine ecologist`),
        h('The next step'),
        p(`${diver.name}, one of the volunteers, said the team would collect seed from the new meadow next summer to plant further along the coast. “It is a slow job, but it spreads itself once it gets going,” ${diver.surname} said.`),
        p('Boat owners are asked to use the visitor moorings rather than anchor over the marked area. A map is at ', a('example.org/seagrass', 'https://example.org/seagrass'), '.'),
      ],
    };
  },
);

const comet = story(
  'comet',
  { section: 'science', tags: ['environment'], image: 'skyline-dusk', authors: ['amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const astronomer = c.person();
    const student = c.person();
    return {
      headline: 'Kestrel Point Observatory spots a new comet on its way towards the Sun',
      standfirst: 'The comet was found by a student checking images for faint asteroids. It may be visible through binoculars in the spring.',
      body: [
        p('A comet that has never been seen before was discovered last month by a student working at the Kestrel Point Observatory, one of the few professional telescopes left on this stretch of coast.'),
        p(`${student.name}, a third-year physics student at the University of Port Ellery, noticed a faint smudge moving across a set of images that had been taken to track asteroids.`),
        q('I thought it was a smear on the lens. Then it moved, and it was not where any known object should have been.', student.name),
        h('When to look'),
        p('Astronomers have calculated that the comet will make its closest approach to the Sun in April. If it brightens as expected, it could be visible through binoculars low in the west after sunset.'),
        p(`${astronomer.name}, director of the observatory, said predictions were uncertain. “Comets are like cats. They do what they like,” ${astronomer.surname} said.`),
        h('Tips for viewing'),
        ol(['Find a dark site away from street lights.'], ['Give your eyes twenty minutes to adjust to the dark.'], ['Use binoculars and scan slowly just above the western horizon.']),
        p('The observatory holds public viewing evenings on the first Friday of each month. Details are at ', a('example.org/observatory', 'https://example.org/observatory'), '.'),
      ],
    };
  },
);

const microplastics = story(
  'microplastics',
  { section: 'science', tags: ['environment', 'river-avel'], image: 'microscope-cells', authors: ['amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const researcher = c.person();
    const official = c.person();
    return {
      headline: 'Microplastics found in every mud sample taken from the Avel estuary',
      standfirst: 'University researchers counted up to 3,000 particles per kilogram of mud. Most were fibres from clothing.',
      body: [
        p('Every sample of mud taken from the Avel estuary in a two-year study contained microplastics, researchers at the University of Port Ellery have found.'),
        p('The team collected sediment from forty sites between Darrowfield and the harbour mouth. Concentrations ranged from about 200 particles per kilogram in the upper river to almost 3,000 near the city’s storm drains.'),
        h('Where it comes from'),
        p('More than two-thirds of the particles were fibres, most likely shed from synthetic clothing in washing machines and carried into the river through sewage and storm overflows.'),
        q('The estuary is acting as a trap. What goes down the drain in the valley ends up here and stays here.', `${researcher.name}, who led the study`),
        fig('microscope-cells', 'Fibres and fragments were counted by hand under the microscope before being identified.'),
        p(`${official.name}, of the water company, said it was investing in treatment works along the river and welcomed the research. Campaigners said filters on new washing machines would make a bigger difference.`),
        p('The study is published in full at ', a('example.org/research/avel-sediments', 'https://example.org/research/avel-sediments'), '.'),
      ],
    };
  },
);

const wildlifeReturns = story(
  'wildlife-returns',
  { section: 'science', tags: ['wildlife', 'river-avel'], image: 'autumn-leaves', authors: ['amara-okonjo-bell'] },
  [
    { animal: 'Otters', where: 'every stretch of the Avel', evidence: 'spraint, footprints or camera-trap footage at 38 of 40 survey sites', found: 'signs of otters at 38 of 40 sites', gone: 'the 1970s', why: 'cleaner water and the end of the pesticides that poisoned their prey', credit: 'cleaner water' },
    { animal: 'Avocets', where: 'Hallow Marsh', evidence: 'fourteen breeding pairs raising 22 chicks on the restored lagoons', found: 'fourteen breeding pairs on the restored lagoons', gone: 'the 1950s', why: 'the flooding of former grazing land to create shallow saline lagoons', credit: 'the new saline lagoons', image: 'harbour-dawn' as ImageName },
  ],
  (v, c) => {
    const surveyor = c.person();
    const warden = c.person();
    return {
      headline: `${v.animal} return to ${v.where} for the first time since ${v.gone}`,
      standfirst: `A year-long survey found ${v.found}. Scientists credit ${v.credit}.`,
      body: [
        p(`${v.animal} have returned to ${v.where}, according to a survey that found ${v.evidence}.`),
        p(`They had been absent since ${v.gone}. Scientists say the recovery is the result of ${v.why}.`),
        h('How the survey was done'),
        p(`Volunteers walked the banks each month for a year, recording signs and setting cameras at likely spots. ${surveyor.name}, who co-ordinated the survey, said the volunteers had been “patient to the point of obsession”.`),
        q('My grandfather told me stories about them. I never thought I would see one here myself.', `${warden.name}, reserve warden`),
        h('Please keep your distance'),
        ul(['Keep dogs on leads near the water and on the reserve.'], ['Stay on the marked paths, especially between April and July.'], ['Report sightings to the county wildlife records centre.']),
        p('Sightings can be logged at ', a('example.org/wildlife-records', 'https://example.org/wildlife-records'), '.'),
      ],
    };
  },
);

const medicalTrial = story(
  'medical-trial',
  { section: 'science', tags: ['health'], image: 'microscope-cells', authors: ['amara-okonjo-bell', 'tobias-wren'] },
  [{}],
  (_v, c) => {
    const lead = c.person();
    const patient = c.person('m');
    return {
      headline: 'Port Ellery hospital joins trial of a blood test for early lung disease',
      standfirst: 'Six hundred patients will take part. Researchers hope the test can spot damage years before symptoms appear.',
      body: [
        p('Port Ellery General Hospital is to take part in a national trial of a blood test designed to detect early signs of lung disease in people who have worked with dust, fumes or chemicals.'),
        p('Six hundred patients from the area will be recruited over the next two years, many of them former workers from the shipyards and the mills of the valley.'),
        h('How the test works'),
        p('The test looks for a set of proteins that are released when lung tissue is damaged. In early studies it picked up changes several years before they would show on a scan.'),
        q('This area has a long industrial history, and a lot of people carry that in their lungs. If we can find the damage earlier, we can do much more about it.', `${lead.name}, respiratory consultant`),
        p(`${patient.name}, who worked in the shipyard for 31 years and was one of the first to volunteer, said taking part was “the least I can do for the lads coming after me”.`),
        h('Who can take part'),
        ul(['Adults aged between 45 and 80'], ['People who worked for at least ten years in an industry with dust or fume exposure'], ['No current diagnosis of lung disease']),
        p('Information for patients is at ', a('example.org/research/lung-trial', 'https://example.org/research/lung-trial'), '.'),
      ],
    };
  },
);

const weatherRecords = story(
  'weather-records',
  { section: 'science', tags: ['weather', 'environment'], image: 'rain-map', authors: ['amara-okonjo-bell'] },
  [{}],
  () => ({
    headline: 'Port Ellery records its warmest year since measurements began in 1884',
    standfirst: 'The average temperature at the harbour weather station was 11.8C, half a degree above the previous record. Nine of the ten warmest years have come since 2000.',
    body: [
      p('This year is on course to be the warmest recorded in Port Ellery since the harbour weather station began taking readings in 1884, according to figures analysed by the Avel Marine Laboratory.'),
      p('The average temperature so far stands at 11.8C, half a degree above the previous record set three years ago. Nine of the ten warmest years in the station’s record have occurred since 2000.'),
      h('A long record'),
      p('The station, on the roof of the old customs house, has been read by hand every morning for most of its history. Its record is one of the longest unbroken series on this coast.'),
      fig('rising-chart', 'Annual average temperatures at the harbour station have risen by about 1.4C since the 1880s.'),
      h('What the record shows'),
      ol(['The average year is now about 1.4C warmer than in the late 19th century.'], ['Frosts are less than half as frequent as they were in the 1960s.'], ['The heaviest downpours have become more intense.']),
      q('One warm year is weather. A record that goes in one direction for a century is climate.', 'Avel Marine Laboratory'),
      p('The station’s daily readings are published at ', a('example.org/weather-station', 'https://example.org/weather-station'), '.'),
    ],
  }),
);

const tidalEnergy = story(
  'tidal-energy',
  { section: 'science', tags: ['energy', 'environment'], image: 'wind-turbines', authors: ['amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const engineer = c.person();
    const fisherman = c.person();
    return {
      headline: 'Tidal turbine trial in the Quill narrows powers 300 homes for a year',
      standfirst: 'The prototype sits on the seabed and turns with the tide. Its developers want to install twenty more.',
      body: [
        p('A prototype tidal turbine anchored to the seabed in the narrows at the mouth of Quill Creek has generated enough electricity to supply about 300 homes over its first year of operation, its developers say.'),
        p('The turbine, which is about the size of a double-decker bus, turns as the tide flows in and out, producing power on a timetable that can be predicted years ahead.'),
        h('Predictable power'),
        q('The wind does what it likes. The tide comes in and goes out twice a day whatever happens. For a power grid, that is gold.', `${engineer.name}, project engineer`),
        p('The developers now want permission for an array of twenty turbines, which would be large enough to supply most of the homes on the coast between Quillhaven and Kestrel Point.'),
        h('Concerns'),
        p(`${fisherman.name}, who has fished the creek for decades, said the array would close grounds that had been worked for generations. The company said it would fund a study of the effect on fish and seals before any decision.`),
        p('The trial data are published at ', a('example.org/tidal-trial', 'https://example.org/tidal-trial'), '.'),
      ],
    };
  },
);

const fossilFind = story(
  'fossil-find',
  { section: 'science', tags: ['environment'], image: null, authors: ['amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const finder = c.person();
    const curator = c.person();
    return {
      headline: 'Dog walker finds an ichthyosaur skull in the cliffs below Kestrel Point',
      standfirst: 'The 190-million-year-old skull was exposed by a rockfall after the autumn storms. It has been taken to the city museum for cleaning.',
      body: [
        p(`A nearly complete skull of an ichthyosaur, a marine reptile that lived about 190 million years ago, has been found in the cliffs below Kestrel Point by ${finder.name}, who was walking a dog on the beach after a storm.`),
        p('The skull, about 70 centimetres long, was exposed when part of the cliff collapsed during the autumn gales. It was recovered by a team from Port Ellery Museum over two low tides.'),
        h('Race against the sea'),
        q('Another tide or two and it would have been broken up on the rocks. We worked by head torch to get it out.', `${curator.name}, curator of natural history`),
        p('The museum said the find was one of the best preserved from this part of the coast and would go on display once it had been cleaned and studied, a process that could take a year.'),
        h('Collecting safely'),
        ul(['Never dig into the cliffs or climb them: falls happen without warning.'], ['Collect only from loose material on the beach.'], ['Report significant finds to the museum, which can help recover them.']),
      ],
    };
  },
);

const beeSurvey = story(
  'bee-survey',
  { section: 'science', tags: ['wildlife', 'environment'], image: 'autumn-leaves', authors: ['amara-okonjo-bell'] },
  [{}],
  (_v, c) => {
    const organiser = c.person();
    return {
      headline: 'Garden bee count finds rare mining bee in three Port Ellery gardens',
      standfirst: 'More than 1,100 households took part in the summer survey. Volunteers recorded 41 species, including one not seen in the county for sixty years.',
      body: [
        p('A rare mining bee that had not been recorded in Avelshire for sixty years has been found in three gardens in Port Ellery, during a summer survey in which more than 1,100 households counted the bees that visited their flowers.'),
        p('In total, volunteers recorded 41 species of bee, from common bumblebees to solitary bees that nest in walls and bare soil.'),
        h('Untidy gardens win'),
        p('Gardens with patches of bare ground, long grass and unmown lawns had almost twice as many species as neat ones, the organisers said.'),
        q('The message is simple: do a bit less. Leave a corner alone and the bees will find it.', `${organiser.name}, survey organiser`),
        ul(['Leave some lawn uncut until late summer.'], ['Plant flowers that bloom in early spring and late autumn.'], ['Avoid pesticides, especially on flowering plants.']),
        p('The full results and next year’s survey dates are at ', a('example.org/bee-count', 'https://example.org/bee-count'), '.'),
      ],
    };
  },
);

const SCIENCE_STORIES: StoryEntry[] = [
  ...seagrass,
  ...comet,
  ...microplastics,
  ...wildlifeReturns,
  ...medicalTrial,
  ...weatherRecords,
  ...tidalEnergy,
  ...fossilFind,
  ...beeSurvey,
];

// ---------------------------------------------------------------------------------------------
// Culture

const theatreReviews = story(
  'theatre-reviews',
  { section: 'culture', tags: ['theatre'], image: 'theatre-curtain', authors: ['niamh-calloway'] },
  [
    {
      title: 'The Lamplighter’s Daughter',
      verdict: 'a storm-tossed family saga that earns its tears',
      venue: 'the Lantern Theatre',
      plot: 'a lighthouse keeper’s family in the winter the light is automated, told over three generations who meet, argue and forgive across a single long night',
      strength: 'the second act, in which the three timelines fold into one kitchen and the characters begin to answer each other across the decades',
      weakness: 'The first half hour is slow, and a subplot about a drowned fiddle never quite earns its place.',
      stars: 4,
    },
    {
      title: 'Quayside',
      verdict: 'a sharp, funny musical about the last day of a fish market',
      venue: 'the Customs House studio',
      plot: 'the traders of a harbour fish market on the day before it is demolished to make way for flats, with a cast of seven playing every role',
      strength: 'the songs, which borrow from sea shanties and music hall without ever feeling like pastiche',
      weakness: 'The developer villain is drawn too broadly, and the ending is tidier than the story deserves.',
      stars: 3,
      image: 'market-stalls' as ImageName,
    },
  ],
  (v, c) => {
    const lead = c.person();
    const support = c.person();
    const director = c.person();
    return {
      headline: `${v.title} review: ${v.verdict}`,
      standfirst: `${director.name}’s production at ${v.venue} is ${v.stars >= 4 ? 'the best new play the city has seen this year' : 'rough around the edges but full of life'}. ${'★'.repeat(v.stars)}${'☆'.repeat(5 - v.stars)}`,
      seoDescription: `Review of ${v.title} at ${v.venue}: ${v.verdict}.`,
      body: [
        p(em(v.title), ` follows ${v.plot}.`),
        p(`${lead.name}, in the central role, gives a performance of real restraint, holding back until the moment it counts. ${support.name} is a delight in the supporting parts, switching between comedy and grief with hardly a breath between.`),
        h('What works'),
        p(`The strongest passage is ${v.strength}. ${director.name}’s staging is simple — a few chairs, a table, a great deal of light and shadow — and trusts the audience to do the rest.`),
        q('It is the rare evening at the theatre that sends you out into the night talking to strangers.', 'Our critic'),
        h('What does not'),
        p(v.weakness),
        p(`Runs at ${v.venue} until the end of the month. Tickets from the box office or at `, a('example.org/tickets', 'https://example.org/tickets'), '.'),
      ],
    };
  },
);

const bookFestival = story(
  'book-festival',
  { section: 'culture', tags: ['books'], image: 'bookshelf', authors: ['niamh-calloway', 'priya-castellan'] },
  [{}],
  (_v, c) => {
    const director = c.person();
    const novelist = c.person();
    const poet = c.person();
    return {
      headline: 'Avel Valley Book Festival unveils its biggest programme yet',
      standfirst: 'More than ninety events over ten days, with a new strand of free events for families in the town’s libraries.',
      body: [
        p('The Avel Valley Book Festival will return to Brackenford in the spring with more than ninety events over ten days, its largest programme since it was founded in a pub back room twenty years ago.'),
        p(`Headline guests include the novelist ${novelist.name}, whose book about a flooded village has been one of the year’s surprise successes, and the poet ${poet.name}, who will give a reading on the Avel Bridge at dawn.`),
        h('Highlights'),
        ul(['An evening of stories told in the old cattle market'], ['A day of debates on the future of local news'], ['Writing workshops for teenagers, run by published authors'], ['Free family events in every library in the valley']),
        q('We started with six events and a borrowed microphone. What has not changed is that we want everyone in the valley to feel this is theirs.', `${director.name}, festival director`),
        p('Tickets go on sale next month, with a quarter of seats at every paid event held back at £5 for people on low incomes.'),
        p('The programme is at ', a('example.org/book-festival', 'https://example.org/book-festival'), ', and our books coverage is under ', a('Books', '/tag/books'), '.'),
      ],
    };
  },
);

const galleryShows = story(
  'gallery-shows',
  { section: 'culture', tags: ['art'], image: 'conversation', authors: ['niamh-calloway'] },
  [
    { headline: 'Tidelines at the Customs House Gallery: forty years of painting the estuary', show: 'Tidelines', venue: 'the Customs House Gallery', what: 'forty years of paintings of the estuary', artistRole: 'painter', detail: 'Best of all are the huge late canvases of mudflats at low water, which look almost abstract until you step back and the channels resolve into a map.', image: 'harbour-dawn' as ImageName },
    { headline: 'Made in the Mill at the Glassworks: the sound of the valley’s last looms', show: 'Made in the Mill', venue: 'the Glassworks', what: 'textiles, photographs and sound recordings from the valley’s last working mill', artistRole: 'artist', detail: 'Best of all is a room of looms recorded in their final week, played through speakers hidden in bales of wool.', image: 'autumn-leaves' as ImageName },
  ],
  (v, c) => {
    const artist = c.person();
    return {
      headline: v.headline,
      standfirst: `${artist.name}’s exhibition is a quiet triumph, and a reminder of how much of the valley’s history has been made by hand.`,
      body: [
        p(em(v.show), `, which opens this week at ${v.venue}, brings together ${v.what} by the ${v.artistRole} ${artist.name}.`),
        p(`It is an exhibition that rewards slowness. ${v.detail}`),
        h('Looking closely'),
        p('There are weaker rooms: an early series feels dutiful, and the labels say too much. But the show builds, and by the last gallery the effect is cumulative and moving.'),
        q('I have spent my whole life trying to draw the same place. I have still not got it right, which is why I keep going.', artist.name),
        p(`Until the end of February at ${v.venue}. Admission is free.`),
      ],
    };
  },
);

const localAlbum = story(
  'local-album',
  { section: 'culture', tags: ['music'], image: 'conversation', authors: ['niamh-calloway'] },
  [{}],
  (_v, c) => {
    const singer = c.person();
    return {
      headline: 'The Saltings’ second album is a love letter to the estuary, and it is wonderful',
      standfirst: 'The Port Ellery four-piece recorded it in a disused chapel over one winter. It sounds like it.',
      body: [
        p(`The Saltings, the folk-rock band formed by ${singer.name} and three school friends from Tollgate, have released their second album, `, em('Low Water'), ', recorded over one winter in a disused chapel in Quillhaven.'),
        p('It is a more patient record than their debut. The songs take their time, built around fiddle, harmonium and a drummer who seems to play mostly with brushes and silence.'),
        h('The songs'),
        ol([em('Mudlark'), ', a jaunty opener about childhood on the foreshore'], [em('Harbour Lights'), ', the single, which has already been played on national radio'], [em('Customs House'), ', a seven-minute closer that builds from a whisper to a roar']),
        q('We wanted it to sound like the place. Cold, a bit damp, and beautiful if you wait for the light.', singer.name),
        p('The band play a hometown show at the Lantern Theatre next month before a short tour.'),
      ],
    };
  },
);

const cinemaReopens = story(
  'cinema-reopens',
  { section: 'culture', tags: ['art', 'tourism'], image: 'theatre-curtain', authors: ['niamh-calloway'] },
  [{}],
  (_v, c) => {
    const chair = c.person();
    return {
      headline: 'Castlemere’s art deco Regal cinema reopens after a ten-year campaign',
      standfirst: 'The 1937 cinema has been restored by a community trust. Its first screening sold out in four minutes.',
      body: [
        p('The Regal, the art deco cinema on the Castlemere lakefront that closed in 2014, reopened last weekend after a restoration paid for by a community trust, grants and thousands of small donations.'),
        p('The auditorium, with its sunburst ceiling and green-and-gold plasterwork, has been returned to its 1937 colours. A second, smaller screen has been built in the old café.'),
        h('A decade of fundraising'),
        q('People said it could not be done. They said it every year for ten years. Then they bought tickets.', `${chair.name}, chair of the Regal Trust`),
        p('The trust raised just over £2m, including a lottery heritage grant. Volunteers will run the box office and the bar, and profits will go towards maintaining the building.'),
        ul(['Two screens: 340 seats and 60 seats'], ['A programme of new releases, classics and children’s matinees'], ['Relaxed screenings every Sunday morning']),
        p('Listings are at ', a('example.org/regal', 'https://example.org/regal'), '.'),
      ],
    };
  },
);

const museumAcquisition = story(
  'museum-acquisition',
  { section: 'culture', tags: ['art', 'harbour'], image: 'harbour-dawn', authors: ['niamh-calloway'] },
  [{}],
  (_v, c) => {
    const curator = c.person();
    return {
      headline: 'Port Ellery Museum buys a lost painting of the harbour in 1851',
      standfirst: 'The panoramic canvas had been in a private collection abroad for more than a century. It shows the quays crowded with sail.',
      body: [
        p('Port Ellery Museum has bought a large panoramic painting of the harbour in 1851 that had been in a private collection overseas since the 1890s and was known to historians only from a black-and-white photograph.'),
        p('The canvas, almost three metres wide, shows the quays crowded with sailing ships, the old fish market and the customs house, which was then brand new.'),
        h('A detailed record'),
        p('Historians say the painting is unusually accurate. Ship names can be read on several sterns, and the fish market stalls are labelled with their owners’ names.'),
        q('It is almost a photograph before photographs. We can see who was working where, what was being unloaded, even what the weather was like.', `${curator.name}, curator`),
        p('The purchase was funded by a national heritage grant, a local appeal and a bequest. The painting will go on display in the spring after conservation.'),
      ],
    };
  },
);

const folkFestival = story(
  'folk-festival',
  { section: 'culture', tags: ['music', 'tourism'], image: 'market-stalls', authors: ['niamh-calloway'] },
  [{}],
  (_v, c) => {
    const organiser = c.person();
    return {
      headline: 'Quillhaven folk festival returns after a three-year break',
      standfirst: 'The festival was cancelled for lack of volunteers. A new committee has brought it back for one weekend in June.',
      body: [
        p('The Quillhaven folk festival, which ran for almost forty years before being cancelled for lack of volunteers, will return next June under a new committee.'),
        p('The festival will be smaller than in its heyday, with one main stage on the harbour, sessions in the village’s two pubs and a ceilidh in the lifeboat station.'),
        h('Smaller and sustainable'),
        q('We would rather do a small festival every year than a big one once. We have kept it to what the village can manage.', `${organiser.name}, festival committee`),
        ul(['One main stage on the harbour'], ['Free sessions in the pubs'], ['A children’s procession on the Sunday'], ['Camping on the playing field for 300 tents']),
        p('The committee is looking for volunteers and can be contacted at ', a('example.org/quillhaven-folk', 'https://example.org/quillhaven-folk'), '.'),
      ],
    };
  },
);

const CULTURE_STORIES: StoryEntry[] = [...theatreReviews, ...bookFestival, ...galleryShows, ...localAlbum, ...cinemaReopens, ...museumAcquisition, ...folkFestival];

// ---------------------------------------------------------------------------------------------
// Sport

/** Athletic's manager appears in several stories, so is named once here rather than invented each time. */
const ATHLETIC_MANAGER = { name: 'Marco Teague', surname: 'Teague' };

const footballReports = story(
  'football-reports',
  { section: 'sport', tags: ['football'], image: 'stadium-lights', authors: ['ravi-sutherland'] },
  [
    { opponent: 'Castlemere Rovers', home: true, ours: 3, theirs: 1, crowd: 4120, turning: 'a header from a corner five minutes after half-time', summary: 'Athletic climb to fourth after a convincing win in the valley derby' },
    { opponent: 'Brackenford Town', home: false, ours: 2, theirs: 2, crowd: 2380, turning: 'a stoppage-time penalty, converted at the second attempt after the goalkeeper moved too early', summary: 'Athletic rescue a point with the last kick at the Meadow' },
    { opponent: 'Darrowfield United', home: true, ours: 0, theirs: 1, crowd: 3650, turning: 'a deflected shot from thirty yards that looped over the goalkeeper', summary: 'Athletic’s unbeaten home run ends on a frustrating night' },
  ],
  (v, c) => {
    const scorer = c.person('m');
    const keeper = c.person('m');
    const manager = ATHLETIC_MANAGER;
    const result = v.ours > v.theirs ? 'beat' : v.ours === v.theirs ? 'draw with' : 'lose to';
    const headline = v.ours > v.theirs
      ? `Port Ellery Athletic ${v.ours}-${v.theirs} ${v.opponent}: Athletic ${result} their neighbours`
      : v.ours === v.theirs
        ? `${v.opponent} ${v.theirs}-${v.ours} Port Ellery Athletic: late penalty earns a share of the spoils`
        : `Port Ellery Athletic ${v.ours}-${v.theirs} ${v.opponent}: home run ends`;
    return {
      headline,
      standfirst: `${v.summary}. The decisive moment was ${v.turning}.`,
      body: [
        p(`${v.home ? `A crowd of ${v.crowd.toLocaleString('en-GB')} at Wharf Lane` : `The ${v.crowd.toLocaleString('en-GB')} who packed into the away end`} saw a match that turned on ${v.turning}.`),
        p(
          v.ours > v.theirs
            ? `Athletic were the better side from the first whistle, and ${scorer.name} gave them the lead with a low drive inside the near post. ${v.opponent} equalised against the run of play before the second-half goals settled it.`
            : v.ours === v.theirs
              ? `Athletic twice fell behind and twice came back, with ${scorer.name} scoring the first equaliser with a fine curling shot before the drama at the end.`
              : `Athletic dominated possession but rarely troubled the goalkeeper. ${scorer.name} had the best chance, heading wide from six yards just before half-time.`,
        ),
        h('Turning point'),
        p(`${keeper.name} made three fine saves to keep the score within reach, including a full-length dive to turn a free kick round the post.`),
        q(
          v.ours > v.theirs
            ? 'We were brave with the ball tonight. That is what I have been asking for since the summer.'
            : v.ours === v.theirs
              ? 'We showed character. I would have liked us to show a bit more quality, but you take a point here.'
              : 'We had enough of the ball to win two games. We did not do enough with it to win one.',
          `${manager.name}, Athletic manager`,
        ),
        h('Player ratings'),
        ul([`${keeper.name}: 8`], [`${scorer.name}: ${v.ours > 0 ? 8 : 6}`], ['The midfield three: 6 each, industrious but short of invention']),
        p('Fixtures and results are on the ', a('Sport page', '/sport'), '.'),
      ],
    };
  },
);

const cricket = story(
  'cricket',
  { section: 'sport', tags: ['cricket'], image: 'stadium-lights', authors: ['ravi-sutherland'] },
  [{}],
  (_v, c) => {
    const batter = c.person('m');
    const captain = c.person('m');
    return {
      headline: 'Avelshire clinch promotion on the final afternoon of the season at Mill Meadow',
      standfirst: 'Needing 241 to win on a turning pitch, the county got home with two wickets and four overs to spare.',
      body: [
        p(`Avelshire secured promotion to the first division for the first time in eleven years on Thursday, chasing down 241 on the final afternoon of the season at Mill Meadow thanks to an unbeaten 96 from ${batter.name}.`),
        p('At 148 for six, with the ball spinning sharply, the chase looked lost. But the last pair put on an unbroken 41, and a crowd that had swelled to several thousand by tea poured on to the outfield when the winning boundary was struck.'),
        h('A season of patience'),
        q('We were bottom after five games. The lads never stopped believing, and neither did the members. This is for them.', `${captain.name}, captain`),
        ol(['Seven wins from the last nine matches'], ['Three centuries for the opening batter, a county record for a debut season'], ['The club’s highest membership since the 1980s']),
        p('The county’s first-division fixtures will be published in January.'),
      ],
    };
  },
);

const rowingRegatta = story(
  'rowing-regatta',
  { section: 'sport', tags: ['rowing', 'river-avel'], image: 'rowing-lanes', authors: ['ravi-sutherland'] },
  [{}],
  (_v, c) => {
    const stroke = c.person('m');
    const coach = c.person();
    return {
      headline: 'Port Ellery Rowing Club wins the Avel Head for the first time in a generation',
      standfirst: 'The men’s eight beat 61 crews over the four-mile course from Darrowfield to the Avel Bridge.',
      body: [
        p('Port Ellery Rowing Club’s men’s eight won the Avel Head on Saturday, beating 61 crews over the four-mile course from Darrowfield to the Avel Bridge, the club’s first victory in the race for 26 years.'),
        p(`The crew, stroked by ${stroke.name}, finished nine seconds ahead of the defending champions from Castlemere in a fast time helped by a strong ebb tide.`),
        h('A young crew'),
        p('Five of the eight are under 23, and three learned to row on the club’s junior programme, which was restarted four years ago after a long gap.'),
        q('They have trained on this river through every kind of weather since the spring. Today the river paid them back.', `${coach.name}, head coach`),
        fig('rowing-lanes', 'Crews started at twenty-second intervals from Darrowfield.'),
        p('The club is holding open days for new members in the new year. Details at ', a('example.org/rowing', 'https://example.org/rowing'), '.'),
      ],
    };
  },
);

const harbourSwim = story(
  'harbour-swim',
  { section: 'sport', tags: ['harbour'], image: 'harbour-dawn', authors: ['ravi-sutherland', 'declan-fairweather'] },
  [{}],
  (_v, c) => {
    const winner = c.person();
    const organiser = c.person('f');
    return {
      headline: 'Four hundred swimmers take on the harbour mile in water of 14C',
      standfirst: 'The race, last held in 1998, returned after the water quality in the harbour was declared good enough for swimming.',
      body: [
        p('Four hundred swimmers completed the Port Ellery harbour mile on Sunday, the first time the race has been held since 1998, after tests showed the water in the inner harbour was clean enough for swimming.'),
        p(`The fastest time was set by ${winner.name}, a 19-year-old from Castlemere, in 21 minutes and 40 seconds. The oldest finisher was 81.`),
        h('Clean enough to swim'),
        p('The race was abandoned in the late 1990s because of sewage discharges into the harbour. Upgrades to the city’s treatment works and storm tanks have improved water quality significantly.'),
        q('When I was a girl, nobody would put a toe in this harbour. Today my granddaughter swam the whole mile in it.', `${organiser.name}, race organiser`),
        ul(['400 finishers, from 14 to 81 years old'], ['Water temperature: 14C'], ['£18,000 raised for the lifeboat station']),
      ],
    };
  },
);

const rugby = story(
  'rugby',
  { section: 'sport', tags: ['rugby'], image: 'stadium-lights', authors: ['ravi-sutherland'] },
  [{}],
  (_v, c) => {
    const wing = c.person('m');
    const coach = c.person();
    return {
      headline: 'Port Ellery RFC hold on for a first win at Tollgate Park in a decade',
      standfirst: 'A late try from the wing sealed a 24-19 win over the league leaders in driving rain.',
      body: [
        p(`Port Ellery RFC recorded their first win at Tollgate Park for ten years on Saturday, beating the league leaders 24-19 in driving rain thanks to a late try from the wing ${wing.name}.`),
        p('The home side led 19-17 with five minutes left before a patient series of drives from the forwards created space for the winning score.'),
        h('Set-piece strength'),
        p('The scrum won two penalties in the second half, and the lineout functioned well despite the wet ball.'),
        q('We talked all week about staying in the fight for eighty minutes. Today, for the first time this season, we did.', `${coach.name}, head coach`),
        p('Port Ellery move up to sixth in the table.'),
      ],
    };
  },
);

const halfMarathon = story(
  'half-marathon',
  { section: 'sport', tags: ['river-avel'], image: 'river-bridge', authors: ['ravi-sutherland'] },
  [{}],
  (_v, c) => {
    const menWinner = c.person('m');
    const womenWinner = c.person('f');
    return {
      headline: 'Valley half marathon draws a record 3,000 runners along the Avel towpath',
      standfirst: 'The course record fell in the women’s race. Runners raised more than £90,000 for local charities.',
      body: [
        p('A record field of more than 3,000 runners took part in the Avel Valley half marathon on Sunday, following the river towpath from Darrowfield to the finish at the Avel Bridge.'),
        p(`${menWinner.name} won the men’s race in one hour, six minutes and twelve seconds. ${womenWinner.name} broke the women’s course record by 40 seconds, finishing in one hour, fourteen minutes and three seconds.`),
        h('Community effort'),
        p('More than 300 volunteers marshalled the course, handed out water and cheered from the bridges. Runners raised more than £90,000 for local charities.'),
        q('The towpath is narrow in places, and the runners were brilliant at looking after each other.', 'Race director'),
        ol(['Men’s winner: 1:06:12'], ['Women’s winner: 1:14:03, a course record'], ['Oldest finisher: 79']),
      ],
    };
  },
);

const managerInterview = story(
  'manager-interview',
  { section: 'sport', tags: ['football'], image: 'stadium-lights', authors: ['ravi-sutherland'] },
  [{}],
  () => {
    const manager = ATHLETIC_MANAGER;
    return {
      headline: '“I want a team the town recognises”: Athletic’s new manager on his plans for Wharf Lane',
      standfirst: 'Appointed in the summer after a decade coaching abroad, he talks about youth, patience and the pull of the harbour.',
      body: [
        p(`${manager.name} sits in the small office under the main stand at Wharf Lane, a mug of tea going cold on the desk, and talks about why he came home.`),
        p('After ten years coaching in Kortheim and Valdoria, the former Athletic midfielder was appointed manager in the summer on a three-year contract. The club sits mid-table; his aim, he says, is something harder to measure.'),
        h('On identity'),
        q('I want a team the town recognises. People who work hard, who do not give up, who enjoy themselves. If we lose, we lose like that.', manager.name),
        h('On young players'),
        p('Four academy graduates have made their debuts this season, more than in the previous three seasons combined.'),
        q('If a boy from Tollgate is good enough, he plays. That is the only rule.', manager.name),
        h('On the future'),
        p(`${manager.surname} is cautious about promotion talk. “Ask me in March,” he says, and goes back to his tea.`),
      ],
    };
  },
);

const womensCup = story(
  'womens-cup',
  { section: 'sport', tags: ['football'], image: 'stadium-lights', authors: ['ravi-sutherland'] },
  [{}],
  (_v, c) => {
    const striker = c.person('f');
    const captain = c.person('f');
    return {
      headline: 'Athletic Women reach the county cup final after penalty shoot-out drama',
      standfirst: 'The semi-final against Kestrel Point finished 1-1 after extra time. The goalkeeper saved two penalties.',
      body: [
        p('Port Ellery Athletic Women are through to the county cup final for the first time after beating Kestrel Point 4-3 on penalties in front of a record crowd of 1,200 at Wharf Lane.'),
        p(`${striker.name} gave Athletic an early lead before Kestrel Point equalised midway through the second half. Extra time brought chances at both ends but no goals.`),
        h('Shoot-out'),
        p('The goalkeeper saved the first and fourth penalties of the shoot-out, and the captain converted the winning kick.'),
        q('We have trained on the back pitch with no lights for years. Tonight there were twelve hundred people here. That is what it means.', `${captain.name}, captain`),
        p('The final will be played at Castlemere in the spring.'),
      ],
    };
  },
);

const SPORT_STORIES: StoryEntry[] = [...footballReports, ...cricket, ...rowingRegatta, ...harbourSwim, ...rugby, ...halfMarathon, ...managerInterview, ...womensCup];

// ---------------------------------------------------------------------------------------------
// Opinion

const opinion = (key: string, author: StaffSlug, tags: TagSlug[], image: ImageName | null, written: Written): StoryEntry[] =>
  story(key, { section: 'opinion', tags, image, authors: [author] }, [{}], () => written);

const OPINION_STORIES: StoryEntry[] = [
  ...opinion('leader-harbour', 'rosalind-kettering', ['harbour', 'city-council'], 'harbour-dawn', {
    headline: 'The Standard’s view on the harbour: a plan, not a patch',
    standfirst: 'The North Quay repair is welcome. But the harbour needs a twenty-year plan, not another emergency.',
    body: [
      p('The council’s decision to rebuild the North Quay wall is the right one, and it is overdue. But it should not be mistaken for a plan.'),
      p('For two decades the harbour has been managed from one crisis to the next: a wall here, a dredge there, a berth closed because nobody could afford to mend it. Each decision has been reasonable. Together they amount to drift.'),
      h('What a plan would do'),
      ul(['Set out what the harbour is for: fishing, energy, leisure, or all three, and in what balance.'], ['Put a price on maintaining it properly, year after year.'], ['Say where the money will come from, including from the businesses that profit from it.']),
      q('A harbour that is only ever repaired in an emergency will, sooner or later, have an emergency nobody can afford.'),
      p('The arrival of the wind farm base gives the city a rare chance. It should take it, and plan for the harbour its grandchildren will use.'),
    ],
  }),
  ...opinion('column-buses', 'declan-fairweather', ['transport'], 'skyline-dusk', {
    headline: 'A bus that does not come is not a service. It is a timetable',
    standfirst: 'Rural routes are being cut one by one. Each cut makes the next one easier to justify.',
    body: [
      p('Every time a rural bus route is cut, the same argument is made: too few people use it. It is true. It is also the result of every previous cut.'),
      p('A bus that comes twice a day is not one that anyone can build a working life around. So people who can buy a car do, and the people left on the bus are those who cannot: the young, the old, the poor. Passenger numbers fall, the subsidy per journey rises, and the route is cut.'),
      h('Breaking the spiral'),
      p('There are places that have broken the spiral, and the answer has always been the same: run buses often enough that people can rely on them, and keep running them long enough for habits to change.'),
      q('Nobody waits for a bus that might not come.'),
      p('That costs money. But so does a valley where a teenager cannot get to college and a pensioner cannot get to the surgery.'),
    ],
  }),
  ...opinion('column-libraries', 'niamh-calloway', ['books'], 'bookshelf', {
    headline: 'Libraries are the last place you can sit without paying. We should defend them',
    standfirst: 'Cutting opening hours looks like a saving. It is really a transfer of cost from the council to those with least.',
    body: [
      p('I spent most of my teenage years in Brackenford library, and not only for the books. It was warm. It was quiet. Nobody expected me to buy anything.'),
      p('That is rarer now than it was. Almost every indoor space in a modern town comes with the expectation of spending. The library is one of the last exceptions.'),
      h('What a library does'),
      ul(['It lends books, of course.'], ['It offers computers, printers and help with online forms that are now the only way to reach many services.'], ['It hosts rhyme time for toddlers, reading groups, knitting circles and homework clubs.'], ['It gives people who are lonely a reason to leave the house.']),
      q('A library open when people are at work is a library closed to the people who work.'),
      p('I understand the council’s finances are desperate. But cutting evening hours saves a little and costs a lot, and the cost falls on those with least.'),
    ],
  }),
  ...opinion('column-football-ground', 'ravi-sutherland', ['football', 'city-council'], 'stadium-lights', {
    headline: 'Wharf Lane is more than a football ground. The council should help keep it',
    standfirst: 'The club’s lease ends in four years. Losing the ground would cost the harbour more than a football team.',
    body: [
      p('Port Ellery Athletic’s lease on Wharf Lane runs out in four years, and the land has been earmarked in the draft local plan for housing. The club says it cannot afford to buy the freehold.'),
      p('It would be easy to treat this as a football question. It is not. Wharf Lane is where a thousand people gather every other Saturday, where the walking football group meets on Tuesdays, where the women’s team have finally found a home.'),
      h('A community asset'),
      q('A town is not only its homes. It is also the places where people meet each other.'),
      p('The council should list the ground as a community asset and sit down with the club to find a solution. Homes are needed. So are places like this.'),
    ],
  }),
  ...opinion('column-arts-funding', 'priya-castellan', ['art', 'theatre'], 'theatre-curtain', {
    headline: 'The arts are not a luxury in hard times. They are how a place remembers itself',
    standfirst: 'The county proposes to halve its arts budget. The saving is tiny; the loss would not be.',
    body: [
      p('The county council’s draft budget proposes halving its grants to arts organisations, saving about £400,000 a year. In a budget of several hundred million pounds, that is a rounding error.'),
      p('For the organisations that depend on it — the Lantern Theatre, the Customs House Gallery, the book festival, the youth orchestra — it is the difference between a programme and a closed door.'),
      h('What we would lose'),
      ol(['Free and cheap tickets for young people and those on low incomes.'], ['Work in schools, which for many children is their only contact with live performance.'], ['Match funding that brings in several times as much from national bodies.']),
      q('The cheapest cut is not always the smallest loss.'),
      p('Councillors should look again.'),
    ],
  }),
  ...opinion('leader-transparency', 'rosalind-kettering', ['city-council'], 'council-chamber', {
    headline: 'The Standard’s view on council secrecy: publish the reports',
    standfirst: 'Too many decisions are being taken in private session. Residents deserve to see the evidence.',
    body: [
      p('Three times in the past six months, the city council has taken significant decisions in private session, excluding the press and public on the grounds of commercial confidentiality.'),
      p('Sometimes that is justified. A council negotiating to buy land should not publish its maximum price. But the exemption is being stretched to cover reports that residents have every right to see.'),
      h('What we are asking for'),
      ul(['Publish redacted versions of private reports, with only the genuinely sensitive figures removed.'], ['Give reasons, in public, for every decision to exclude the press.'], ['Review every private report after a year and publish those that are no longer sensitive.']),
      q('Sunlight is not only the best disinfectant. It is also the cheapest.'),
      p('We have written to the council’s leader with these proposals, and will publish the reply.'),
    ],
  }),
  ...opinion('column-dogs-beach', 'tobias-wren', ['tourism'], 'harbour-dawn', {
    headline: 'The great dog ban debate: a modest proposal for Gannet Sands',
    standfirst: 'Dog owners and families both have a claim on the beach. A little timetabling could keep the peace.',
    body: [
      p('Few issues fill this newspaper’s letters page like dogs on beaches. The proposal to ban dogs from the main beach at Gannet Sands between May and September has produced more letters than the last general election.'),
      p('Both sides have a point. Families want sand their children can dig in without unwelcome discoveries. Dog owners, many of them locals who walk the beach every day of the year, resent being told to go elsewhere during the months when the weather is best.'),
      h('A compromise'),
      ol(['Dogs allowed on the whole beach before 9am and after 7pm all year round.'], ['The western half of the beach dog-friendly at all times.'], ['More bins, and wardens who actually enforce the rules on clearing up.']),
      q('The beach is big enough for everyone, if everyone is a little considerate.'),
      p('It is not a perfect solution. But it might mean the letters page can talk about something else next summer.'),
    ],
  }),
  ...opinion('column-nature', 'amara-okonjo-bell', ['wildlife', 'environment'], 'autumn-leaves', {
    headline: 'The otters came back because we stopped poisoning the river. That is the lesson',
    standfirst: 'Recovery is possible when we remove the harm and wait. It is slower and cheaper than we think.',
    body: [
      p('This autumn’s survey confirmed what anglers and dog walkers had been saying for a few years: otters are back on every stretch of the Avel.'),
      p('No one reintroduced them. No one built them anything. They came back because, decades ago, the chemicals that were poisoning their prey were banned, and because the water slowly became cleaner.'),
      h('Patience as policy'),
      p('There is a lesson here for the many other things we want to restore. Removing the harm is often the most important step, and the cheapest. What it needs is patience — something politics rarely rewards.'),
      q('Nature is remarkably good at recovering, if we let it.'),
      p('The seagrass off Hallow Marsh, the avocets on the lagoons, the bees in untidy gardens: each tells the same story.'),
    ],
  }),
];

/** Every recent published story, in the order written; the seed shuffles and dates them. */
export const STORIES: StoryEntry[] = [
  ...NEWS_STORIES,
  ...WORLD_STORIES,
  ...BUSINESS_STORIES,
  ...SCIENCE_STORIES,
  ...CULTURE_STORIES,
  ...SPORT_STORIES,
  ...OPINION_STORIES,
];

// ---------------------------------------------------------------------------------------------
// Archive fixtures: articles with fixed dates, so end-to-end tests can name their URLs.

export type FixtureStory = {
  key: string;
  section: SectionSlug;
  tags: TagSlug[];
  image: ImageName | null;
  authors: StaffSlug[];
  wire?: Wire;
  written: Written;
};

export const MOVED_STORY: FixtureStory & { oldSection: SectionSlug; oldHeadline: string } = {
  key: 'moved',
  section: 'news',
  oldSection: 'science',
  oldHeadline: 'Eel numbers rise in restored Hallow Marsh lagoon',
  tags: ['wildlife', 'river-avel'],
  image: 'harbour-dawn',
  authors: ['amara-okonjo-bell'],
  written: {
    headline: 'Eels return to Hallow Marsh as the restored lagoon comes back to life',
    standfirst: 'Counts at the sluice have risen tenfold in three years. The lagoon was reconnected to the tide in 2021.',
    body: [
      p('The number of young eels climbing the sluice at Hallow Marsh has risen tenfold in three years, according to counts by volunteers at the restored lagoon.'),
      p('The lagoon was reconnected to the tidal estuary in 2021 after a century behind a sea wall, and a pass was built into the sluice to let eels swim upstream.'),
      h('A fish in trouble'),
      p('The European eel is critically endangered. Its numbers have fallen by more than 90 per cent since the 1980s, partly because of barriers such as weirs and sluices that stop young eels reaching the rivers where they grow.'),
      q('Every spring we count them through the pass by hand. Three years ago we counted a few hundred. This year it was thousands.', 'Volunteer counter'),
      ul(['2021: lagoon reconnected to the tide'], ['2022: eel pass fitted to the sluice'], ['2024: the highest count since records began']),
      p('Counts will continue each spring. Volunteers can sign up through the reserve office.'),
    ],
  },
};

export const WITHDRAWN_STORY: FixtureStory = {
  key: 'withdrawn',
  section: 'news',
  tags: ['health'],
  image: null,
  authors: ['declan-fairweather'],
  written: {
    headline: 'Tollgate care home to close, says operator',
    standfirst: 'Residents and families were told at a meeting on Wednesday evening.',
    body: [
      p('A care home in Tollgate is to close, its operator told residents and families at a meeting on Wednesday evening.'),
      p('The home, which has 38 beds, would close within three months, according to people who attended the meeting.'),
      h('Families shocked'),
      p('Relatives said they had been given no warning and were worried about finding places for residents nearby.'),
      q('My mother has lived there for six years. It is her home.', 'A relative'),
    ],
  },
};

export const OLD_STORY: FixtureStory = {
  key: 'old',
  section: 'culture',
  tags: ['theatre'],
  image: 'theatre-curtain',
  authors: ['niamh-calloway'],
  written: {
    headline: 'Lantern Theatre marks its centenary with a season of new writing',
    standfirst: 'The theatre opened in 1923 in a converted sail loft. Its hundredth year will be celebrated with six new plays by writers from the valley.',
    body: [
      p('The Lantern Theatre, which opened in a converted sail loft on the harbour in 1923, will celebrate its centenary with a season of six new plays, all by writers who live or grew up in the Avel Valley.'),
      p('The season opens in September and runs until the spring. It will include a play written by pupils from three secondary schools, developed in workshops over the summer.'),
      h('A hundred years on the harbour'),
      p('The theatre has survived two world wars, a fire in 1958 and several threats of closure. Its auditorium, with 280 seats in a horseshoe around a thrust stage, is one of the most intimate in the county.'),
      q('A theatre is only as good as the stories it tells about the place it belongs to. For our hundredth year we wanted to hear the valley’s own voices.', 'Artistic director'),
      h('The season'),
      ol(['September: a new comedy set in the fish market'], ['November: a family play for Christmas'], ['February: the schools’ play'], ['April: a drama about the mill strikes of 1911']),
      p('Tickets are on sale now from the box office.'),
    ],
  },
};

export const WIRE_FIXTURE_STORY: FixtureStory = {
  key: 'wire-fixture',
  section: 'world',
  tags: ['transport'],
  image: 'train-viaduct',
  authors: [],
  wire: { initials: WIRE_DESK.initials, agencies: ['AP', 'Reuters'] },
  written: {
    headline: 'Valdoria and Kortheim agree to build a high-speed line between their capitals',
    standfirst: 'The 420km line would cut the journey from Serenne to Brunsk to under three hours. Construction could begin in 2029.',
    body: [
      p('The governments of Valdoria and Kortheim have signed a treaty to build a high-speed railway between their capitals, Serenne and Brunsk, cutting the journey time from more than seven hours to under three.'),
      p('The 420-kilometre line would cross the mountains through a tunnel of about 30 kilometres, which would be one of the longest rail tunnels in the region.'),
      h('Cost and timing'),
      p('The project is estimated to cost the equivalent of £14bn, shared between the two countries with a contribution from a regional development bank. Construction could begin in 2029.'),
      q('This railway will bring our two peoples closer than they have been for a century.', 'Joint statement from the two transport ministries'),
      h('Objections'),
      p('Environmental groups have raised concerns about the route through protected valleys on the Valdorian side, and farmers along the route have said they will fight compulsory purchases.'),
      p('Both parliaments must ratify the treaty before detailed planning can begin.'),
    ],
  },
};

/** An embed block as the editor stores it: the canonical address and what the editor typed. */
const embed = (url: string, provider: Embed['attrs']['provider'], words: Omit<Embed['attrs'], 'url' | 'provider'>): Embed => ({ type: 'embed', attrs: { url, provider, ...words } });
const cells = (kind: 'tableCell' | 'tableHeader', ...texts: string[]): TableRow => ({ type: 'tableRow', content: texts.map((text) => ({ type: kind, content: [p(text)] })) });

// The demo's story with embeds: a video, a social post and a map, each behind its placeholder,
// and a table of results. The addresses are invented; nothing is loaded until a reader asks.
export const EMBED_STORY: FixtureStory = {
  key: 'embeds',
  section: 'sport',
  tags: ['rowing', 'harbour'],
  image: null,
  authors: ['ravi-sutherland'],
  written: {
    headline: 'Gig crews race the harbour mile as the lifeboat marks 150 years',
    standfirst: 'Eleven crews rowed from Gannet Sands to the North Quay in a flat calm. Watch the finish, read the lifeboat station’s message and follow the course on the map.',
    body: [
      p('Eleven pilot gig crews raced the harbour mile on Saturday morning, from the slipway at Gannet Sands to the steps of the North Quay, in the flattest water the regatta has seen for a decade.'),
      p('The race opened a week of events for the 150th year of the Port Ellery lifeboat station, whose volunteers launched the all-weather boat at the start and shadowed the crews up the estuary.'),
      h('The finish'),
      p('Quillhaven’s women’s crew crossed the line first, a length and a half clear of the home club, in a time the timekeepers checked twice.'),
      embed('https://www.youtube.com/watch?v=PortEllery1', 'youtube', { title: 'The harbour mile: the last two hundred metres', caption: 'Quillhaven pull clear under the North Quay wall.', credit: 'Video: Port Ellery Gig Club' }),
      p('The station posted its thanks to the crews before the boat was back on its cradle.'),
      embed('https://mastodon.social/@portelleryrnli/113502846915530117', 'mastodon', { title: 'Port Ellery lifeboat station thanks the crews', credit: 'Post: Port Ellery RNLI' }),
      h('The course'),
      p('The mile runs inside the breakwater, past the ferry berth and the fish market, and finishes where the first lifeboat house stood in 1876. The men’s race and the veterans’ mile are rowed next Saturday, tide permitting.'),
      embed('https://www.openstreetmap.org/?mlat=50.1552&mlon=-5.0664#map=15/50.1552/-5.0664', 'openstreetmap', { title: 'The harbour mile, Gannet Sands to the North Quay', caption: 'The finish is marked.' }),
      h('Results'),
      {
        type: 'table',
        attrs: { caption: 'Harbour mile, women’s race: the first four' },
        content: [cells('tableHeader', 'Place', 'Crew', 'Time'), cells('tableCell', '1', 'Quillhaven', '9min 41sec'), cells('tableCell', '2', 'Port Ellery', '9min 48sec'), cells('tableCell', '3', 'Brackenford', '10min 02sec'), cells('tableCell', '4', 'Gannet Sands', '10min 15sec')],
      } satisfies Table,
    ],
  },
};

export const CORRECTED_STORY: FixtureStory & { corrections: { kind: CorrectionKind; body: string }[] } = {
  key: 'corrected',
  section: 'news',
  tags: ['transport', 'river-avel', 'city-council'],
  image: 'river-bridge',
  authors: ['declan-fairweather'],
  written: {
    headline: 'Avel Bridge repairs will cost twice the original estimate, council admits',
    standfirst: 'The bill for strengthening the city’s oldest road bridge has risen to £7.8m. Work will take until the end of next year.',
    body: [
      p('The cost of strengthening the Avel Bridge, the oldest road crossing into Port Ellery, has risen to £7.8m, almost double the estimate given when the work was approved last year, the city council has admitted.'),
      p('The five-arched stone bridge was completed in 1831 and carries about 18,000 vehicles a day. Engineers found that the arches needed far more work than surveys had suggested.'),
      h('What went wrong'),
      p('Officers told councillors that the original estimate had been based on a survey that could not inspect the inside of the arches without closing the bridge.'),
      q('We found more water inside the structure than anyone expected. Stone bridges are like that: you only really know when you open them up.', 'Council bridges engineer'),
      h('What it means for drivers'),
      ul(['One lane will remain closed in each direction until the end of next year.'], ['Weekend closures will be needed on six occasions, announced a fortnight ahead.'], ['Buses will continue to use the bridge throughout.']),
      fig('river-bridge', 'The Avel Bridge, completed in 1831, carries about 18,000 vehicles a day.'),
      p('The council’s report is published at ', a('example.org/council/avel-bridge', 'https://example.org/council/avel-bridge'), '.'),
    ],
  },
  corrections: [
    {
      kind: 'correction',
      body: 'An earlier version of this article said the Avel Bridge was completed in 1811. It was completed in 1831.',
    },
    {
      kind: 'clarification',
      body: 'This article has been amended to make clear that the £7.8m figure includes a contingency of £900,000, which the council says it hopes not to spend.',
    },
  ],
};

/** Corrections for one of the recent stories (the first housing story), dated after it appeared. */
export const RECENT_CORRECTIONS: { storyKey: string; corrections: { kind: CorrectionKind; afterHours: number; body: string }[] } = {
  storyKey: 'housing-1',
  corrections: [
    { kind: 'update', afterHours: 26, body: 'Since this article was published, the developer has said it will increase the share of affordable homes to 30 per cent.' },
    { kind: 'correction', afterHours: 50, body: 'An earlier version of this article gave the number of objections as more than 2,000. The correct figure is more than 200.' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Work in progress: drafts, articles in review and scheduled articles. Their headlines carry names
// found nowhere else, so a test can search for them and expect to find nothing.

export type UnpublishedStory = {
  status: 'draft' | 'in_review' | 'scheduled';
  section: SectionSlug | null;
  authors: StaffSlug[];
  tags: TagSlug[];
  /** For scheduled stories: how many hours after the seed's "now" they go live. */
  inHours?: number;
  written: Written;
};

const shortBody = (...paragraphs: string[]): Block[] => paragraphs.map((text) => p(text));

export const UNPUBLISHED_STORIES: UnpublishedStory[] = [
  {
    status: 'draft',
    section: 'news',
    authors: ['declan-fairweather'],
    tags: ['transport'],
    written: {
      headline: 'Marrowgate tunnel plan: what the leaked costings show',
      standfirst: 'DRAFT — figures to be checked with the county before publication.',
      body: shortBody('Costings for the proposed Marrowgate tunnel under the estuary suggest the scheme would cost far more than the figure given to councillors.', 'TK: response from the county press office.', 'TK: quote from the campaign group.'),
    },
  },
  {
    status: 'draft',
    section: 'business',
    authors: ['joanna-hartigan'],
    tags: ['economy'],
    written: {
      headline: 'Quorvel Trust in talks to buy the old Customs House',
      standfirst: 'DRAFT — awaiting confirmation from the trust.',
      body: shortBody('The Quorvel Trust, a charity that restores historic buildings, is understood to be in talks to buy the Customs House on the harbour.', 'Still to confirm: the price, and whether the gallery would stay.'),
    },
  },
  {
    status: 'draft',
    section: 'culture',
    authors: ['niamh-calloway', 'priya-castellan'],
    tags: ['harbour'],
    written: {
      headline: 'Interview: the lighthouse keeper who never left Skerrow Rock',
      standfirst: 'DRAFT — photographs to follow.',
      body: shortBody('For thirty-one years the light on Skerrow Rock was kept by the same family.', 'Transcript to be tidied up and cut to length.'),
    },
  },
  {
    status: 'draft',
    section: null,
    authors: ['tobias-wren'],
    tags: [],
    written: {
      headline: 'Brackenford bypass: the Pellinore report in full',
      standfirst: 'DRAFT — section not chosen yet.',
      body: shortBody('Notes on the Pellinore report into the Brackenford bypass route options.'),
    },
  },
  {
    status: 'draft',
    section: 'sport',
    authors: ['ravi-sutherland'],
    tags: ['football'],
    written: {
      headline: 'Athletic close in on Ystradmere winger as transfer window nears',
      standfirst: 'DRAFT — do not publish until the club confirms.',
      body: shortBody('Port Ellery Athletic are in advanced talks to sign a winger from Ystradmere.', 'Check fee and contract length with the club.'),
    },
  },
  {
    status: 'in_review',
    section: 'news',
    authors: ['declan-fairweather', 'tobias-wren'],
    tags: ['harbour'],
    written: {
      headline: 'Harbour master Oonagh Threlkeld to step down after 22 years',
      standfirst: 'The city’s longest-serving harbour master will retire in the spring.',
      body: [
        p('Oonagh Threlkeld, harbour master at Port Ellery for twenty-two years, is to retire in the spring.'),
        p('She oversaw the harbour through three major storms, the decline of the timber trade and the arrival of the wind industry.'),
        q('The harbour has been my life. It is time somebody else had the worry of it.', 'Oonagh Threlkeld'),
      ],
    },
  },
  {
    status: 'in_review',
    section: 'sport',
    authors: ['ravi-sutherland'],
    tags: ['football'],
    written: {
      headline: 'Vantreight Cup final moved to Castlemere after pitch inspection',
      standfirst: 'The county association says Wharf Lane’s pitch will not recover in time.',
      body: shortBody('The final of the Vantreight Cup will be played at Castlemere rather than Wharf Lane after a pitch inspection.', 'Kick-off time unchanged.'),
    },
  },
  {
    status: 'scheduled',
    section: 'news',
    authors: ['declan-fairweather'],
    tags: ['tourism'],
    inHours: 20,
    written: {
      headline: 'Preview: Winter lantern parade returns to Fore Street with Zindlewick puppets',
      standfirst: 'The parade, with giant puppets made by the Zindlewick company, sets off from the Guildhall at dusk.',
      body: [
        p('The winter lantern parade returns to Fore Street this weekend, led by giant puppets made by the Zindlewick company.'),
        p('More than 600 children from twelve schools have made lanterns for the procession.'),
        ul(['The parade sets off from the Guildhall at dusk.'], ['Fore Street will be closed to traffic from 3pm.'], ['Hot food stalls will be open on the quay.']),
      ],
    },
  },
  {
    status: 'scheduled',
    section: 'business',
    authors: ['joanna-hartigan'],
    tags: ['economy'],
    inHours: 72,
    written: {
      headline: 'Budget day: what the Avelshire Hollinbrook tax rise means for you',
      standfirst: 'The county’s Hollinbrook levy, explained in five questions.',
      body: shortBody('The Hollinbrook levy will add to council tax bills from April.', 'We explain who pays and what the money is for.'),
    },
  },
  {
    status: 'scheduled',
    section: 'culture',
    authors: ['niamh-calloway'],
    tags: ['art'],
    inHours: 240,
    written: {
      headline: 'First look: the Glassworks gallery’s Pemberfold spring programme',
      standfirst: 'The Pemberfold season brings three new commissions to the Glassworks.',
      body: shortBody('The Glassworks has announced the Pemberfold season, its spring programme of three new commissions.', 'Full listings to follow.'),
    },
  },
];

// ---------------------------------------------------------------------------------------------
// People the seed names: quoted sources and commenters.

export const FIRST_NAMES_F = [
  'Margaret', 'Bethan', 'Delia', 'Fenella', 'Harriet', 'Jocelyn', 'Lorna', 'Nadia', 'Philippa', 'Rhiannon', 'Tamsin', 'Verity',
  'Yasmin', 'Agnes', 'Cerys', 'Esther', 'Gwen', 'Imogen', 'Kezia', 'Morwenna', 'Aisling', 'Hollie', 'Saoirse', 'Ruth',
];
export const FIRST_NAMES_M = [
  'Alun', 'Callum', 'Eamon', 'Gareth', 'Idris', 'Kieran', 'Malcolm', 'Owen', 'Quentin', 'Stuart', 'Umar', 'Wilfred',
  'Zachary', 'Bernard', 'Dominic', 'Fergus', 'Hamish', 'Jonah', 'Lewis', 'Neville', 'Tariq', 'Rhodri', 'Piers', 'Ewan',
];
export const SURNAMES = [
  'Abernethy', 'Blackwood', 'Carrow', 'Dunmore', 'Fenwick', 'Garside', 'Holloway', 'Ingram', 'Jessop', 'Kilbride', 'Lanyon',
  'Marchbank', 'Nettleship', 'Orchard', 'Penhaligon', 'Quiller', 'Selwood', 'Thackray', 'Upcott', 'Vosper', 'Whitlock',
  'Yeardley', 'Ashdown', 'Brimble', 'Cattermole', 'Dewhurst', 'Frobisher', 'Gulliver', 'Hesketh', 'Iredale', 'Jolliffe',
  'Kitto', 'Lumley', 'Mabey', 'Nancarrow', 'Ogilvie', 'Pascoe', 'Rendle', 'Strick', 'Treloar',
];

export const COMMENTERS = [
  { name: 'Harbourside Hilda', email: 'hilda.marsh@example.com' },
  { name: 'Gwilym Prothero', email: 'gprothero@example.net' },
  { name: 'Annie Castle', email: 'annie.castle@example.com' },
  { name: 'TollgateTom', email: 'tom.b@example.net' },
  { name: 'Maureen Kilby', email: 'mkilby@example.com' },
  { name: 'Sandeep Varma', email: 'sandeep.v@example.net' },
  { name: 'Ellen Ruddock', email: 'e.ruddock@example.com' },
  { name: 'Old Quay Pete', email: 'pete.oldquay@example.net' },
  { name: 'Bryony Stack', email: 'bryony@example.com' },
  { name: 'Marcus Oyelaran', email: 'marcus.o@example.net' },
  { name: 'Jen from Wend', email: 'jen.wend@example.com' },
  { name: 'Colin Ashby', email: 'colin.ashby@example.net' },
  { name: 'Fionnuala Keane', email: 'fkeane@example.com' },
  { name: 'Rob Trethewey', email: 'rtrethewey@example.net' },
  { name: 'Lakeside Lynne', email: 'lynne.l@example.com' },
  { name: 'Dev Chauhan', email: 'dev.chauhan@example.net' },
  { name: 'Patricia Moult', email: 'pmoult@example.com' },
  { name: 'Kwame Asante-Lowe', email: 'kwame.al@example.net' },
  { name: 'Sally Brenchley', email: 'sally.b@example.com' },
  { name: 'Ferryman', email: 'ferryman@example.net' },
];

/** Top-level comments, by section: polite, varied and about the kind of story they sit under. */
export const COMMENT_BODIES: Record<SectionSlug, string[]> = {
  news: [
    'Good to see this reported properly. The council meeting was a shambles and nobody else bothered to turn up.',
    'I live two streets away and nobody has written to us about any of this. Typical.',
    'Credit where it is due: the council has listened for once. Let us hope they see it through.',
    'Does anyone know whether there will be a public meeting? I work shifts and cannot get to the daytime ones.',
    'We have been saying this for years. Glad somebody finally wrote it down.',
    'The real question is where the money comes from. Nobody in this article seems to know.',
    'My grandad used to say the valley always floods in the same places. Nothing changes.',
  ],
  world: [
    'Interesting piece. I visited a few years ago and this does not surprise me at all.',
    'Useful summary. It is hard to find clear reporting on this elsewhere.',
    'I would like to know what this means for the ferry routes from here, if anything.',
    'A helpful explainer. The section on what happens next answered my question.',
    'Worth remembering that the last time this happened the situation changed within weeks.',
  ],
  business: [
    'Great news for the town. My nephew has just finished his apprenticeship and is looking.',
    'Jobs are welcome, but will they pay enough to live here? Rents have gone through the roof.',
    'I have been a customer for years. Lovely people, and they deserve this success.',
    'Another article about growth that does not mention parking. People will not come if they cannot park.',
    'Would be interesting to see the same figures for Brackenford and Castlemere side by side.',
    'Small businesses are the heart of this place. Support them or lose them.',
  ],
  science: [
    'Fascinating. I walk there most mornings and had no idea.',
    'Brilliant work by the volunteers. I signed up for the next survey after reading this.',
    'Is there anywhere to read the full paper? The link only shows the summary for me.',
    'This is the kind of good news we do not hear enough of.',
    'As someone who has fished this river for forty years, I can confirm things have changed a great deal.',
  ],
  culture: [
    'Saw it on Thursday and agree with every word. The second half is extraordinary.',
    'I thought the review was a little harsh. The audience loved it the night we went.',
    'Wonderful to see this happening here rather than only in the big cities.',
    'Booked our tickets straight after reading this. Thank you for the tip.',
    'The Lantern deserves all the support it can get. Go and see something there this winter.',
  ],
  sport: [
    'Great report. The atmosphere at Wharf Lane was the best I can remember.',
    'Harsh on the midfield in the ratings, in my view. They ran all night.',
    'I was there in the rain and would not have missed it for anything.',
    'Same old problems. We need a proper striker before the window closes.',
    'Brilliant to see the young players getting a chance. More of this please.',
    'My daughter started with the juniors last year. Lovely to see the club thriving.',
  ],
  opinion: [
    'Well argued. I did not agree at the start but you have persuaded me.',
    'I disagree with most of this, but it is good to see the argument made properly.',
    'Exactly right. I hope the councillors read the paper.',
    'The piece misses one thing: most people here simply cannot afford the alternatives.',
    'Thoughtful as ever. More columns like this, please.',
  ],
};

export const REPLY_BODIES = [
  'Agreed, completely.',
  'I am not sure that is fair. The article does mention it in the second section.',
  'There is a meeting listed on the council website for next month, I think.',
  'Same here. Nobody knocked on our door either.',
  'Thanks, I had not thought about it that way.',
  'Have you tried the library? They have all the council papers printed out.',
  'My experience was the opposite, but I take the point.',
  'Well said.',
  'Quite. And it is always the same people who end up paying.',
  'It was on the noticeboard outside the church hall, if that helps.',
];

/**
 * One long conversation (over a page of comments), so the demo shows "Load more comments" and
 * the tests can use it. Each comment is an opening and a point, written for this project; every
 * pair is different.
 */
export const BUSY_THREAD_OPENINGS = [
  'I have lived here for thirty years and',
  'Speaking as someone who commutes every day,',
  'With respect to the other comments,',
  'Reading this on the bus this morning,',
  'As a parent of two at the primary school,',
  'Having sat through the last public meeting,',
  'For what it is worth,',
  'I run a small shop on the quay and',
];

export const BUSY_THREAD_POINTS = [
  'I think the real question is who pays for it in ten years.',
  'nobody has explained what happens to the people who rely on the current arrangement.',
  'the figures in the third paragraph deserve a closer look.',
  'this is the first time I have seen the plan set out so clearly.',
  'I would like to hear from the people who actually use the service.',
  'the consultation was not advertised anywhere I would have seen it.',
  'the council has been here before, and the lessons were not learned.',
  'it is good to see the paper asking the follow-up questions.',
];

export const PENDING_BODIES = [
  'First time commenting. I wanted to say I really enjoyed this piece.',
  'Does anyone know if the car park will still be open during the works?',
  'Can the paper follow this up in six months and see what actually happened?',
];

export const SPAM_BODY = 'AMAZING offer!!! Cheap designer watches and sunglasses, 90% off today only, visit example.net/bargains now';

/**
 * The story an editor has pinned as the front page's lead in the demo: not the newest story with a
 * picture, so the front page shows an editor's choice rather than the automatic one.
 */
export const PINNED_LEAD_STORY: FixtureStory = {
  key: 'pinned-lead',
  section: 'news',
  tags: ['transport', 'harbour'],
  image: 'harbour-dawn',
  authors: ['declan-fairweather'],
  written: {
    headline: 'Last crossings for the chain ferry as the Avel bridge opens to traffic',
    standfirst: 'For 93 years the ferry has hauled itself across the river on two chains. On Saturday the new bridge takes its place, and the crew take their last fares.',
    body: [
      p('The chain ferry between Port Ellery and Tollgate will make its last crossings on Saturday, when the new Avel bridge opens to cars, bicycles and people on foot a kilometre upstream.'),
      p('The ferry has carried passengers across the river since 1933, pulling itself along two chains laid on the riverbed. At its busiest, in the 1960s, it made more than a hundred crossings a day.'),
      h('Four minutes, every quarter of an hour'),
      p('A crossing takes four minutes. The crew of three have worked the same timetable for most of their careers, and know many of their passengers by name.'),
      q('People tell us their whole week on the way over. You do not get that on a bridge.', 'Ferry skipper'),
      h('What happens to the ferry'),
      p('The council has said the ferry will be kept and moored at the old slipway, and it is asking residents what the slipway should become. A consultation opens next month.'),
      ul(['Saturday: last scheduled crossing at 18:45'], ['Saturday: the bridge opens to traffic at 20:00'], ['Next month: consultation on the slipway opens']),
    ],
  },
};
