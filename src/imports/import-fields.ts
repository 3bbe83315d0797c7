/**
 * The fields a CSV column can fill, and the header names (Dutch and English) that every file may
 * use for them. Presets add the names of one CRM's export on top of these.
 */
export const IMPORT_FIELDS = [
  'companyName',
  'category',
  'website',
  'street',
  'postcode',
  'city',
  'country',
  'companyPhone',
  'salutation',
  'firstName',
  'middleName',
  'lastName',
  'jobTitle',
  'email',
  'phone',
  'mobile',
  'owner',
  'leadStatus',
  'leadSource',
  'registeredAt',
  /** A CRM's lifecycle stage; only presets map a column to it, because its values need the preset's table. */
  'stage',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Reduces a header to the letters and digits that identify it, so that "E-mailadres",
 * "e-mail adres" and "EmailAdres" compare equal: accents are dropped, case is folded and
 * everything that is not a letter or digit is removed.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Header names every file may use, written as people write them; normalizeHeader is applied on lookup. */
const GENERIC_HEADERS: Record<Exclude<ImportField, 'stage'>, readonly string[]> = {
  companyName: ['Bedrijf', 'Bedrijfsnaam', 'Organisatie', 'Company', 'Company name', 'Organisation', 'Organization', 'Account', 'Account name'],
  category: ['Categorie', 'Category', 'Bedrijfscategorie', 'Company category'],
  website: ['Website', 'Webadres', 'Domein', 'Domain', 'Company domain', 'URL'],
  street: ['Straat', 'Adres', 'Straat en huisnummer', 'Street', 'Street address', 'Address'],
  postcode: ['Postcode', 'Postal code', 'Zip', 'Zip code'],
  city: ['Plaats', 'Woonplaats', 'Vestigingsplaats', 'Stad', 'City', 'Town'],
  country: ['Land', 'Country'],
  companyPhone: ['Telefoon bedrijf', 'Bedrijfstelefoon', 'Company phone'],
  salutation: ['Aanhef', 'Aanspreekvorm', 'Salutation'],
  firstName: ['Voornaam', 'Roepnaam', 'First name', 'Given name'],
  middleName: ['Tussenvoegsel', 'Tussenvoegsels', 'Middle name'],
  lastName: ['Achternaam', 'Familienaam', 'Last name', 'Surname', 'Family name'],
  jobTitle: ['Functie', 'Functietitel', 'Job title', 'Title', 'Position'],
  email: ['E-mail', 'E-mailadres', 'Mail', 'Email', 'Email address'],
  phone: ['Telefoon', 'Telefoonnummer', 'Tel', 'Phone', 'Phone number', 'Telephone'],
  mobile: ['Mobiel', 'Mobiel nummer', 'Mobiele telefoon', 'Mobile', 'Mobile phone', 'Mobile number', 'Cell phone'],
  owner: ['Onze contactpersoon', 'Eigenaar', 'Accountmanager', 'Owner', 'Our contact'],
  leadStatus: ['Leadstatus', 'Status', 'Lead status'],
  leadSource: ['Leadbron', 'Bron', 'Lead source', 'Source'],
  registeredAt: ['Geregistreerd', 'Datum geregistreerd', 'Registratiedatum', 'Aangemaakt', 'Registered', 'Registered at', 'Date registered', 'Created', 'Created at'],
};

/** Generic header lookup: normalized header → field. */
export const GENERIC_HEADER_FIELDS: ReadonlyMap<string, ImportField> = new Map(
  Object.entries(GENERIC_HEADERS).flatMap(([field, headers]) =>
    headers.map((header) => [normalizeHeader(header), field as ImportField] as const),
  ),
);
