import type { Tile, TileLayout, TileType } from './dashboardApi';

/** Columns of the dashboard grid. */
export const GRID_COLUMNS = 12;
const MIN_WIDTH = 2;
const MIN_HEIGHT = 2;
const MAX_HEIGHT = 12;

export type LayoutChange = 'left' | 'right' | 'up' | 'down' | 'narrower' | 'wider' | 'shorter' | 'taller';

/** Returns the layout after one step of moving or resizing, or null when the tile is at its limit. */
export function moveTile(layout: TileLayout, change: LayoutChange): TileLayout | null {
  const { x, y, w, h } = layout;
  switch (change) {
    case 'left':
      return x > 0 ? { ...layout, x: x - 1 } : null;
    case 'right':
      return x + w < GRID_COLUMNS ? { ...layout, x: x + 1 } : null;
    case 'up':
      return y > 0 ? { ...layout, y: y - 1 } : null;
    case 'down':
      return { ...layout, y: y + 1 };
    case 'narrower':
      return w > MIN_WIDTH ? { ...layout, w: w - 1 } : null;
    case 'wider':
      return x + w < GRID_COLUMNS ? { ...layout, w: w + 1 } : null;
    case 'shorter':
      return h > MIN_HEIGHT ? { ...layout, h: h - 1 } : null;
    case 'taller':
      return h < MAX_HEIGHT ? { ...layout, h: h + 1 } : null;
  }
}

/** Returns the CSS grid placement of a layout. CSS grid lines count from 1, layouts from 0. */
export function gridPlacement(layout: TileLayout): { gridColumn: string; gridRow: string } {
  return {
    gridColumn: `${layout.x + 1} / span ${layout.w}`,
    gridRow: `${layout.y + 1} / span ${layout.h}`,
  };
}

/** Size a new tile of a type starts with: numbers small, lists wide. */
const DEFAULT_SIZES: Record<TileType, { w: number; h: number }> = {
  bigNumber: { w: 3, h: 2 },
  list: { w: 12, h: 5 },
  pie: { w: 4, h: 4 },
  bar: { w: 6, h: 4 },
  column: { w: 6, h: 4 },
  line: { w: 6, h: 4 },
  funnel: { w: 4, h: 4 },
  conversion: { w: 4, h: 3 },
  timeInStatus: { w: 6, h: 4 },
};

/**
 * Places a new tile in the first free place, reading the grid row by row from the top, so that it
 * fills a gap beside other tiles before it starts a row of its own under them.
 */
export function placeNewTile(tiles: Tile[], type: TileType): TileLayout {
  const size = DEFAULT_SIZES[type];
  const bottom = tiles.reduce((max, tile) => Math.max(max, tile.layout.y + tile.layout.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + size.w <= GRID_COLUMNS; x++) {
      const layout = { x, y, ...size };
      if (!tiles.some((tile) => overlaps(tile.layout, layout))) return layout;
    }
  }
  return { x: 0, y: bottom, ...size };
}

/** Makes a tile id; ids only need to be unique within one dashboard. */
export function newTileId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `tile-${Date.now().toString(36)}-${random}`;
}

function overlaps(a: TileLayout, b: TileLayout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Returns the tiles after one of them moved or grew: the changed tile keeps its place and tiles
 * it now covers move down until nothing overlaps, so moving a tile up into its neighbour swaps
 * the two. The order of the tiles stays as it was.
 */
export function settleTiles(tiles: Tile[], changedId: string): Tile[] {
  const changed = tiles.find((tile) => tile.id === changedId);
  const placed: Tile[] = changed === undefined ? [] : [changed];
  const others = tiles
    .filter((tile) => tile.id !== changedId)
    .sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  const settled = new Map<string, Tile>();

  for (const tile of others) {
    let layout = tile.layout;
    let blocker = placed.find((other) => overlaps(other.layout, layout));
    while (blocker !== undefined) {
      layout = { ...layout, y: blocker.layout.y + blocker.layout.h };
      blocker = placed.find((other) => overlaps(other.layout, layout));
    }
    const result = layout === tile.layout ? tile : { ...tile, layout };
    placed.push(result);
    settled.set(tile.id, result);
  }
  return tiles.map((tile) => settled.get(tile.id) ?? tile);
}

/** Size in pixels of one step on the grid: a column or a row together with the gap after it. */
export interface GridPitch {
  column: number;
  row: number;
}

/**
 * Returns the layout of a tile dragged by `delta` pixels: it snaps to the nearest column and row
 * and stays inside the 12 columns and below the top edge. The size does not change.
 */
export function dropLayout(layout: TileLayout, delta: { x: number; y: number }, pitch: GridPitch): TileLayout {
  const x = Math.min(Math.max(layout.x + Math.round(delta.x / pitch.column), 0), GRID_COLUMNS - layout.w);
  const y = Math.max(layout.y + Math.round(delta.y / pitch.row), 0);
  return { ...layout, x, y };
}
