import type { SeededRandom } from './random.js';

/**
 * Names, places and titles for the demo data: mostly Dutch, with some Flemish and German
 * companies, as a Dutch sales team near the borders would have them. Postcode ranges and area
 * codes are close to the real ones but not exact.
 */

export interface City {
  name: string;
  /** Relative share of the country's companies. */
  weight: number;
  postcodeFrom: number;
  postcodeTo: number;
  /** Telephone area code without the country's trunk prefix 0. */
  areaCode: string;
}

export interface CountryProfile {
  /** The value of the country field, as a Dutch user types it. */
  countryName: string;
  /** Relative share of all companies. */
  weight: number;
  topLevelDomain: string;
  cities: readonly City[];
  streets: readonly string[];
  formatPostcode(random: SeededRandom, city: City): string;
  formatPhone(random: SeededRandom, areaCode: string): string;
  formatMobile(random: SeededRandom): string;
  maleFirstNames: readonly string[];
  femaleFirstNames: readonly string[];
  /** Last names with their tussenvoegsel, such as "de Vries"; Flemish and German ones have none. */
  lastNames: readonly string[];
  salutations: { male: string; female: string };
  /** Titles of the owner or director, usually the first person of a small company. */
  leaderJobTitles: readonly string[];
  jobTitles: readonly (readonly [string, number])[];
  /** Trades that go before a last name: "Bakkerij de Vries". */
  trades: readonly string[];
  /** Sectors that go after a last name or brand: "Jansen Installatietechniek". */
  sectors: readonly string[];
  /** Names of family firms, where {name} is a last name: "Gebr. {name}" gives "Gebr. de Vries". */
  familyFirmPatterns: readonly string[];
  /** Words after two last names: "Visser & Smit Advocaten". */
  partnershipKinds: readonly string[];
  legalForms: readonly (readonly [string, number])[];
  freeMailDomains: readonly string[];
}

/** Prefixes of a Dutch last name that Dutch stores apart from it, in the middle name field. */
export const TUSSENVOEGSELS = ["van der", "van den", "van de", "van 't", 'van', 'de', 'den', 'ter', 'te', "in 't"] as const;

// Letters of the postcode suffix, without F, I, O, Q, U and Y, which the Dutch postcode scheme
// left out when it was introduced.
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

const BRAND_PREFIXES = ['Tech', 'Data', 'Groen', 'Flex', 'Eco', 'Smart', 'Pro', 'Next', 'Blue', 'Solid', 'Prime', 'Nova', 'Vita', 'Delta', 'Alpha', 'Dyna', 'Vision', 'Multi', 'Nord', 'Euro', 'Inter', 'Max', 'Opti', 'Terra'];
const BRAND_SUFFIXES = ['nova', 'plan', 'vast', 'line', 'point', 'works', 'ware', 'tek', 'logic', 'sense', 'trade', 'support', 'care', 'flow', 'matic', 'com', 'net', 'form', 'stream', 'max'];

/** Builds an invented brand name such as "Groenvast" or "Dataflow". */
export function brandName(random: SeededRandom): string {
  return random.pick(BRAND_PREFIXES) + random.pick(BRAND_SUFFIXES);
}

/** Words after a brand name that suggest an international firm: "Flexline Benelux". */
export const BRAND_REGIONS = ['Nederland', 'Benelux', 'Europe', 'Group', 'Holland', 'Solutions', 'Systems'] as const;

function dutchPostcode(random: SeededRandom, city: City): string {
  const digits = random.integer(city.postcodeFrom, city.postcodeTo);
  return `${digits} ${random.pick([...POSTCODE_LETTERS])}${random.pick([...POSTCODE_LETTERS])}`;
}

/** Groups subscriber digits as Dutch numbers are written: "+31 30 123 4567", "+31 570 123 456". */
function dutchPhone(random: SeededRandom, areaCode: string): string {
  const subscriber = random.digits(9 - areaCode.length);
  return `+31 ${areaCode} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
}

/** Belgian numbers have 8 digits after the trunk 0: "+32 9 123 45 67", "+32 16 12 34 56". */
function belgianPhone(random: SeededRandom, areaCode: string): string {
  const subscriber = random.digits(8 - areaCode.length);
  const pairs = subscriber.slice(-4).match(/../g)!.join(' ');
  return `+32 ${areaCode} ${subscriber.slice(0, -4)} ${pairs}`;
}

const NETHERLANDS: CountryProfile = {
  countryName: 'Nederland',
  weight: 88,
  topLevelDomain: 'nl',
  cities: [
    { name: 'Amsterdam', weight: 14, postcodeFrom: 1011, postcodeTo: 1109, areaCode: '20' },
    { name: 'Rotterdam', weight: 10, postcodeFrom: 3011, postcodeTo: 3089, areaCode: '10' },
    { name: 'Den Haag', weight: 8, postcodeFrom: 2491, postcodeTo: 2599, areaCode: '70' },
    { name: 'Utrecht', weight: 9, postcodeFrom: 3511, postcodeTo: 3585, areaCode: '30' },
    { name: 'Eindhoven', weight: 6, postcodeFrom: 5611, postcodeTo: 5658, areaCode: '40' },
    { name: 'Groningen', weight: 4, postcodeFrom: 9711, postcodeTo: 9747, areaCode: '50' },
    { name: 'Tilburg', weight: 4, postcodeFrom: 5011, postcodeTo: 5049, areaCode: '13' },
    { name: 'Almere', weight: 3, postcodeFrom: 1311, postcodeTo: 1363, areaCode: '36' },
    { name: 'Breda', weight: 4, postcodeFrom: 4811, postcodeTo: 4841, areaCode: '76' },
    { name: 'Nijmegen', weight: 3, postcodeFrom: 6511, postcodeTo: 6546, areaCode: '24' },
    { name: 'Apeldoorn', weight: 3, postcodeFrom: 7311, postcodeTo: 7339, areaCode: '55' },
    { name: 'Haarlem', weight: 3, postcodeFrom: 2011, postcodeTo: 2037, areaCode: '23' },
    { name: 'Arnhem', weight: 3, postcodeFrom: 6811, postcodeTo: 6846, areaCode: '26' },
    { name: 'Enschede', weight: 3, postcodeFrom: 7511, postcodeTo: 7548, areaCode: '53' },
    { name: 'Amersfoort', weight: 3, postcodeFrom: 3811, postcodeTo: 3829, areaCode: '33' },
    { name: 'Zwolle', weight: 3, postcodeFrom: 8011, postcodeTo: 8043, areaCode: '38' },
    { name: "'s-Hertogenbosch", weight: 3, postcodeFrom: 5211, postcodeTo: 5237, areaCode: '73' },
    { name: 'Leiden', weight: 2, postcodeFrom: 2311, postcodeTo: 2334, areaCode: '71' },
    { name: 'Maastricht', weight: 2, postcodeFrom: 6211, postcodeTo: 6229, areaCode: '43' },
    { name: 'Dordrecht', weight: 2, postcodeFrom: 3311, postcodeTo: 3329, areaCode: '78' },
    { name: 'Zoetermeer', weight: 2, postcodeFrom: 2711, postcodeTo: 2729, areaCode: '79' },
    { name: 'Deventer', weight: 2, postcodeFrom: 7411, postcodeTo: 7431, areaCode: '570' },
    { name: 'Delft', weight: 2, postcodeFrom: 2611, postcodeTo: 2629, areaCode: '15' },
    { name: 'Alkmaar', weight: 2, postcodeFrom: 1811, postcodeTo: 1825, areaCode: '72' },
    { name: 'Leeuwarden', weight: 2, postcodeFrom: 8911, postcodeTo: 8939, areaCode: '58' },
    { name: 'Venlo', weight: 2, postcodeFrom: 5911, postcodeTo: 5935, areaCode: '77' },
    { name: 'Hilversum', weight: 1, postcodeFrom: 1211, postcodeTo: 1223, areaCode: '35' },
    { name: 'Heerenveen', weight: 1, postcodeFrom: 8441, postcodeTo: 8449, areaCode: '513' },
    { name: 'Middelburg', weight: 1, postcodeFrom: 4331, postcodeTo: 4339, areaCode: '118' },
    { name: 'Assen', weight: 1, postcodeFrom: 9401, postcodeTo: 9409, areaCode: '592' },
    { name: 'Ede', weight: 1, postcodeFrom: 6711, postcodeTo: 6719, areaCode: '318' },
    { name: 'Roermond', weight: 1, postcodeFrom: 6041, postcodeTo: 6049, areaCode: '475' },
    { name: 'Gouda', weight: 1, postcodeFrom: 2801, postcodeTo: 2809, areaCode: '182' },
    { name: 'Helmond', weight: 1, postcodeFrom: 5701, postcodeTo: 5709, areaCode: '492' },
    { name: 'Veenendaal', weight: 1, postcodeFrom: 3901, postcodeTo: 3907, areaCode: '318' },
    { name: 'Emmen', weight: 1, postcodeFrom: 7811, postcodeTo: 7827, areaCode: '591' },
  ],
  streets: [
    'Industrieweg', 'Stationsweg', 'Kerkstraat', 'Dorpsstraat', 'Hoofdstraat', 'Marktplein', 'Nijverheidsweg',
    'Energieweg', 'Handelsweg', 'Ambachtsweg', 'Edisonstraat', 'Kanaalweg', 'Molenweg', 'Schoolstraat',
    'Beatrixlaan', 'Julianastraat', 'Oranjelaan', 'Parallelweg', 'Zuiderzeelaan', 'Papendorpseweg',
    'Keizersgracht', 'Herengracht', 'Coolsingel', 'Vestdijk', 'Havenstraat', 'Transportweg', 'Koopvaardijweg',
    'Laan van Europa', 'Plesmanweg', 'De Run', 'Ekkersrijt', 'Science Park', 'Zernikepark', 'Mercuriusweg',
  ],
  formatPostcode: dutchPostcode,
  formatPhone: dutchPhone,
  formatMobile: (random) => `+31 6 ${random.digits(4)} ${random.digits(4)}`,
  maleFirstNames: [
    'Jan', 'Pieter', 'Daan', 'Sem', 'Lucas', 'Thijs', 'Bram', 'Ruben', 'Jeroen', 'Mark', 'Martijn', 'Bas',
    'Sander', 'Tom', 'Niels', 'Rob', 'Erik', 'Kees', 'Henk', 'Wim', 'Gerard', 'Hans', 'Joost', 'Stefan',
    'Dennis', 'Jasper', 'Koen', 'Rick', 'Wouter', 'Maarten', 'Mohamed', 'Youssef', 'Emre', 'Tim', 'Lars',
    'Stijn', 'Hugo', 'Frank', 'Arjen', 'Hidde', 'Sjoerd', 'Jelle', 'Floris', 'Michiel', 'Vincent', 'Gijs',
  ],
  femaleFirstNames: [
    'Anna', 'Sanne', 'Lisa', 'Emma', 'Julia', 'Sophie', 'Fleur', 'Eva', 'Lotte', 'Anouk', 'Femke', 'Marieke',
    'Linda', 'Ingrid', 'Petra', 'Monique', 'Esther', 'Karin', 'Saskia', 'Ilse', 'Nicole', 'Iris', 'Maaike',
    'Yvonne', 'Marloes', 'Kim', 'Laura', 'Noor', 'Fatima', 'Zoë', 'Chloë', 'Inge', 'Wendy', 'Annemiek',
    'Sarah', 'Hanneke', 'Renske', 'Merel', 'Naomi', 'Elif', 'Noa', 'Mirjam', 'Janneke', 'Nienke',
  ],
  lastNames: [
    'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van der Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser',
    'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen',
    'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok',
    'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn',
    'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra',
    'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters',
    'de Lange', 'Kuipers', 'van Wijk', 'Postma', 'Kramer', 'van den Bosch', 'Wouters', 'Verbeek', 'Bosman',
    'van der Laan', 'Scholten', 'Timmermans', 'ter Horst', "van 't Hof", 'Gerritsen', 'Vermeer', 'Koning',
    'Sanders', 'Evers', 'Molenaar', 'Hoogendoorn', 'Veenstra', 'Jonker', 'Boersma', 'Schipper', 'Zwart',
    'Hofman', 'Drost', 'den Hartog', "in 't Veld", 'te Riele', 'El Amrani', 'Yılmaz', 'Öztürk', 'Nguyen',
    'Bouzid', 'Kaya', 'Çelik', 'Şahin', 'Tahiri', 'Pinas',
  ],
  salutations: { male: 'Dhr.', female: 'Mevr.' },
  leaderJobTitles: ['Eigenaar', 'Directeur', 'Algemeen directeur', 'Directeur-eigenaar', 'Bedrijfsleider'],
  jobTitles: [
    ['Accountmanager', 8], ['Inkoper', 8], ['Hoofd inkoop', 4], ['Office manager', 5], ['Marketingmanager', 5],
    ['Salesmanager', 5], ['Commercieel directeur', 3], ['Financieel manager', 4], ['Controller', 3],
    ['HR-adviseur', 3], ['IT-manager', 4], ['Projectleider', 6], ['Operationeel manager', 4],
    ['Facilitair manager', 3], ['Werkvoorbereider', 3], ['Administratief medewerker', 5],
    ['Medewerker binnendienst', 5], ['Teamleider', 4], ['Directeur', 3], ['Managementassistent', 3],
    ['Productmanager', 2], ['Logistiek manager', 2], ['Hoofd technische dienst', 2], ['Calculator', 2],
  ],
  trades: [
    'Bakkerij', 'Slagerij', 'Installatiebedrijf', 'Schildersbedrijf', 'Loodgietersbedrijf', 'Aannemersbedrijf',
    'Transportbedrijf', 'Hoveniersbedrijf', 'Autobedrijf', 'Garage', 'Drukkerij', 'Accountantskantoor',
    'Advocatenkantoor', 'Makelaardij', 'Timmerbedrijf', 'Dakdekkersbedrijf', 'Tandartspraktijk', 'Kapsalon',
    'Rijschool', 'Bouwbedrijf', 'Administratiekantoor', 'Fietsenmakerij', 'Bloemisterij', 'Metaalbedrijf',
  ],
  sectors: [
    'Installatietechniek', 'Bouw', 'Transport', 'Logistiek', 'Metaalbewerking', 'Elektrotechniek',
    'Interieurbouw', 'Schilderwerken', 'Groenvoorziening', 'Vastgoed', 'Makelaars', 'Accountants', 'Advies',
    'ICT', 'Automatisering', 'Verpakkingen', 'Kunststoffen', 'Machinebouw', 'Catering', 'Beveiliging',
    'Schoonmaakdiensten', 'Uitzendbureau', 'Bouwmaterialen', 'Techniek', 'Projectinrichting', 'Staalbouw',
    'Tegelwerken', 'Zonwering', 'Keukens', 'Software', 'Consultancy', 'Recruitment',
  ],
  familyFirmPatterns: ['Gebr. {name}', '{Name} & Zn.'],
  partnershipKinds: ['Advocaten', 'Accountants', 'Notarissen', 'Adviseurs', 'Makelaars'],
  legalForms: [['B.V.', 45], ['V.O.F.', 5], ['', 50]],
  freeMailDomains: ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl'],
};

const BELGIUM: CountryProfile = {
  countryName: 'België',
  weight: 8,
  topLevelDomain: 'be',
  cities: [
    { name: 'Antwerpen', weight: 6, postcodeFrom: 2000, postcodeTo: 2060, areaCode: '3' },
    { name: 'Gent', weight: 5, postcodeFrom: 9000, postcodeTo: 9052, areaCode: '9' },
    { name: 'Brussel', weight: 4, postcodeFrom: 1000, postcodeTo: 1210, areaCode: '2' },
    { name: 'Leuven', weight: 3, postcodeFrom: 3000, postcodeTo: 3012, areaCode: '16' },
    { name: 'Brugge', weight: 2, postcodeFrom: 8000, postcodeTo: 8310, areaCode: '50' },
    { name: 'Hasselt', weight: 2, postcodeFrom: 3500, postcodeTo: 3511, areaCode: '11' },
    { name: 'Mechelen', weight: 2, postcodeFrom: 2800, postcodeTo: 2812, areaCode: '15' },
    { name: 'Turnhout', weight: 1, postcodeFrom: 2300, postcodeTo: 2300, areaCode: '14' },
  ],
  streets: [
    'Kerkstraat', 'Stationsstraat', 'Nijverheidsstraat', 'Industrieweg', 'Kouter', 'Meir', 'Brugsesteenweg',
    'Antwerpsesteenweg', 'Grote Markt', 'Ambachtenlaan', 'Interleuvenlaan', 'Noorderlaan', 'Kortrijksesteenweg',
  ],
  formatPostcode: (random, city) => String(random.integer(city.postcodeFrom, city.postcodeTo)),
  formatPhone: belgianPhone,
  formatMobile: (random) => `+32 4${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`,
  maleFirstNames: [
    'Pieter', 'Wout', 'Jens', 'Thomas', 'Bart', 'Koen', 'Dries', 'Stijn', 'Tom', 'Jef', 'Luc', 'Geert', 'Wim',
    'Arne', 'Seppe', 'Kobe', 'Lander', 'Steven', 'Bert', 'Filip', 'Jonas', 'Ward',
  ],
  femaleFirstNames: [
    'An', 'Els', 'Lotte', 'Sofie', 'Lien', 'Ellen', 'Katrien', 'Griet', 'Hanne', 'Nele', 'Leen', 'Inge', 'Sarah',
    'Marie', 'Elke', 'Eline', 'Fien', 'Lore', 'Joke', 'Ann-Sophie',
  ],
  // In Belgium the prefix is part of the last name and starts with a capital.
  lastNames: [
    'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
    'Dubois', 'Lambert', 'Dupont', 'Van Damme', 'Van den Broeck', 'De Clercq', 'Verstraete', 'Hermans',
    'Michiels', 'Vermeulen', 'Desmet', 'Van de Velde', 'Aerts', 'De Backer', 'Coppens', 'Pauwels', 'Van Acker',
    'Cools', "D'Hondt", 'Vandenberghe', 'Van Hecke', 'De Wilde',
  ],
  salutations: { male: 'Dhr.', female: 'Mevr.' },
  leaderJobTitles: ['Zaakvoerder', 'Gedelegeerd bestuurder', 'Directeur', 'Eigenaar'],
  jobTitles: [
    ['Accountmanager', 6], ['Aankoper', 6], ['Verantwoordelijke aankoop', 4], ['Office manager', 4],
    ['Marketingverantwoordelijke', 4], ['Salesmanager', 4], ['Financieel directeur', 3], ['Boekhouder', 3],
    ['HR-verantwoordelijke', 3], ['IT-verantwoordelijke', 3], ['Projectleider', 5], ['Bediende', 5],
    ['Teamverantwoordelijke', 3], ['Directieassistent', 2],
  ],
  trades: ['Bakkerij', 'Slagerij', 'Schrijnwerkerij', 'Garage', 'Drukkerij', 'Boekhoudkantoor', 'Bouwbedrijf', 'Brouwerij'],
  sectors: ['Bouw', 'Transport', 'Logistics', 'Techniek', 'Consult', 'ICT', 'Interieur', 'Metaalconstructie', 'Verpakking'],
  familyFirmPatterns: ['Gebroeders {Name}', '{Name} & Zonen'],
  partnershipKinds: ['Advocaten', 'Accountants', 'Notarissen', 'Architecten'],
  legalForms: [['BV', 55], ['NV', 12], ['', 33]],
  freeMailDomains: ['telenet.be', 'skynet.be', 'gmail.com', 'hotmail.com'],
};

const GERMANY: CountryProfile = {
  countryName: 'Duitsland',
  weight: 4,
  topLevelDomain: 'de',
  cities: [
    { name: 'Düsseldorf', weight: 3, postcodeFrom: 40210, postcodeTo: 40629, areaCode: '211' },
    { name: 'Köln', weight: 3, postcodeFrom: 50667, postcodeTo: 51149, areaCode: '221' },
    { name: 'Aachen', weight: 2, postcodeFrom: 52062, postcodeTo: 52080, areaCode: '241' },
    { name: 'Münster', weight: 2, postcodeFrom: 48143, postcodeTo: 48167, areaCode: '251' },
    { name: 'Duisburg', weight: 1, postcodeFrom: 47051, postcodeTo: 47279, areaCode: '203' },
    { name: 'Kleve', weight: 1, postcodeFrom: 47533, postcodeTo: 47533, areaCode: '2821' },
    { name: 'Essen', weight: 2, postcodeFrom: 45127, postcodeTo: 45359, areaCode: '201' },
    { name: 'Oldenburg', weight: 1, postcodeFrom: 26121, postcodeTo: 26135, areaCode: '441' },
  ],
  streets: [
    'Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Gewerbepark', 'Kaiserstraße', 'Königsallee',
    'Schillerstraße', 'Gartenstraße', 'Am Hafen', 'Lindenstraße', 'Rheinallee',
  ],
  formatPostcode: (random, city) => String(random.integer(city.postcodeFrom, city.postcodeTo)),
  formatPhone: (random, areaCode) => `+49 ${areaCode} ${random.digits(10 - areaCode.length)}`,
  formatMobile: (random) => `+49 1${random.pick(['51', '52', '60', '70', '76'])} ${random.digits(8)}`,
  maleFirstNames: [
    'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Jürgen', 'Klaus', 'Jan', 'Tobias',
    'Sebastian', 'Florian', 'Matthias', 'Alexander', 'Uwe', 'Jörg', 'Lukas',
  ],
  femaleFirstNames: [
    'Anna', 'Julia', 'Katrin', 'Sabine', 'Claudia', 'Andrea', 'Nicole', 'Stefanie', 'Laura', 'Lena', 'Sarah',
    'Birgit', 'Anja', 'Petra', 'Jana', 'Miriam',
  ],
  lastNames: [
    'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
    'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
    'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Jansen', 'Strauß',
  ],
  salutations: { male: 'Herr', female: 'Frau' },
  leaderJobTitles: ['Geschäftsführer', 'Inhaber', 'Geschäftsführerin'],
  jobTitles: [
    ['Einkaufsleiter', 5], ['Einkäuferin', 5], ['Vertriebsleiter', 4], ['Key Account Manager', 5],
    ['Marketingleiterin', 3], ['Büroleiterin', 3], ['Projektleiter', 4], ['Sachbearbeiterin', 4],
    ['IT-Leiter', 2], ['Leiter Finanzen', 2], ['Assistenz der Geschäftsführung', 2],
  ],
  trades: ['Bäckerei', 'Metzgerei', 'Autohaus', 'Malerbetrieb', 'Schreinerei', 'Spedition', 'Steuerberatung', 'Elektro'],
  sectors: ['Logistik', 'Maschinenbau', 'Haustechnik', 'Bau', 'Systeme', 'Verpackung', 'Stahlbau', 'Consulting'],
  familyFirmPatterns: ['Gebrüder {Name}', '{Name} & Söhne'],
  partnershipKinds: ['Rechtsanwälte', 'Steuerberater', 'Architekten'],
  legalForms: [['GmbH', 60], ['GmbH & Co. KG', 12], ['KG', 5], ['AG', 3], ['', 20]],
  freeMailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
};

export const COUNTRY_PROFILES: readonly CountryProfile[] = [NETHERLANDS, BELGIUM, GERMANY];

/** Sources of new leads, as UTM sources are usually written. */
export const LEAD_SOURCES: readonly (readonly [string, number])[] = [
  ['google', 30], ['linkedin', 20], ['website', 15], ['newsletter', 10], ['beurs', 8], ['facebook', 5],
  ['webinar', 7], ['referral', 5],
];

/** Names of the demo sales team, created when the database has no users besides administrators. */
export const DEMO_USER_NAMES: readonly string[] = [
  'Sanne de Wit', 'Bas Hendriks', 'Fatima El Amrani', 'Jeroen van Dijk', 'Lotte Mulder', 'Thijs Kramer',
  'Marloes ter Horst', 'Emre Yılmaz',
];
