import { describe, expect, it } from 'vitest';

import type { Tile, TileLayout } from '../../web/src/dashboards/dashboardApi.js';
import { placeNewTile } from '../../web/src/dashboards/tileLayout.js';

function tileAt(id: string, layout: TileLayout): Tile {
  return { id, type: 'bigNumber', title: id, entity: 'person', criteria: [], measure: 'count', by: null, period: null, layout };
}

describe('placing a new tile', () => {
  it('starts an empty dashboard at the top left', () => {
    expect(placeNewTile([], 'column')).toEqual({ x: 0, y: 0, w: 6, h: 4 });
  });

  it('fills the free place beside a tile', () => {
    expect(placeNewTile([tileAt('a', { x: 0, y: 0, w: 3, h: 2 })], 'column')).toEqual({ x: 3, y: 0, w: 6, h: 4 });
  });

  it('goes under the tiles when no row has room', () => {
    const full = [tileAt('a', { x: 0, y: 0, w: 6, h: 4 }), tileAt('b', { x: 6, y: 0, w: 6, h: 4 })];
    expect(placeNewTile(full, 'pie')).toEqual({ x: 0, y: 4, w: 4, h: 4 });
  });

  it('uses a gap that a taller neighbour leaves', () => {
    const tiles = [tileAt('a', { x: 0, y: 0, w: 8, h: 2 }), tileAt('b', { x: 8, y: 0, w: 4, h: 6 })];
    expect(placeNewTile(tiles, 'bigNumber')).toEqual({ x: 0, y: 2, w: 3, h: 2 });
  });
});
