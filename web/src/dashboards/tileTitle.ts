import type { TFunction } from 'i18next';

/**
 * Dutch titles that the server stores for the tiles of the default Leads dashboard, by tile id,
 * with the translation key of each. The server stores one language only, so the web app
 * translates these titles itself until a user changes them.
 */
const DEFAULT_TILE_TITLES = {
  'leads-by-status': { stored: 'Leads per status', key: 'leadsByStatus' },
  'qualification-funnel': { stored: 'Kwalificatietrechter', key: 'qualificationFunnel' },
  'new-leads-this-month': { stored: 'Nieuwe leads deze maand', key: 'newLeadsThisMonth' },
  'leads-by-category': { stored: 'Leads per categorie', key: 'leadsByCategory' },
  'average-days-in-status': { stored: 'Gemiddeld aantal dagen in status', key: 'averageDaysInStatus' },
  'leads-by-lead-source': { stored: 'Leads per leadbron', key: 'leadsByLeadSource' },
  'longest-waiting-open-leads': { stored: 'Langst wachtende open leads', key: 'longestWaitingOpenLeads' },
} as const;

type DefaultTileId = keyof typeof DEFAULT_TILE_TITLES;

function isDefaultTileId(id: string): id is DefaultTileId {
  return Object.hasOwn(DEFAULT_TILE_TITLES, id);
}

/**
 * Returns the title to show for a tile: a default tile whose title is still the stored Dutch one
 * gets the title in the user's language, and every other title shows as the user typed it.
 */
export function tileTitle(t: TFunction, tile: { id: string; title: string }): string {
  if (!isDefaultTileId(tile.id)) return tile.title;
  const { stored, key } = DEFAULT_TILE_TITLES[tile.id];
  if (tile.title !== stored) return tile.title;
  return t(`dashboards.defaultTiles.${key}`);
}
