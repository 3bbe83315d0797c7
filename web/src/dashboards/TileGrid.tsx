import {
  DndContext,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { OwnerFilter, Period, Tile, TileLayout } from './dashboardApi';
import { TileCard } from './TileCard';
import { GRID_COLUMNS, dropLayout, gridPlacement, type GridPitch } from './tileLayout';
import { tileTitle } from './tileTitle';

/** Pixels the pointer moves before a press on the drag handle becomes a drag. */
const DRAG_START_DISTANCE = 4;

interface TileGridProps {
  tiles: Tile[];
  period: Period | null;
  ownerId: OwnerFilter;
  editable: boolean;
  /** Shows the drag handles and the buttons that move and resize the tiles. */
  arranging: boolean;
  busy: boolean;
  onEdit: (tile: Tile, dataError: unknown) => void;
  onRemove: (tile: Tile) => void;
  onLayout: (tile: Tile, layout: TileLayout) => void;
}

/**
 * Measures one column and one row of the grid as drawn. Returns null when the grid does not show
 * 12 columns of fixed rows, as on narrow screens, where tiles stack and cannot be dragged.
 */
function measurePitch(grid: HTMLElement): GridPitch | null {
  const style = window.getComputedStyle(grid);
  const columns = style.gridTemplateColumns.trim().split(/\s+/).length;
  const columnGap = Number.parseFloat(style.columnGap);
  const rowGap = Number.parseFloat(style.rowGap);
  const rowHeight = Number.parseFloat(style.gridAutoRows);
  if (columns !== GRID_COLUMNS || !Number.isFinite(columnGap) || !Number.isFinite(rowGap) || !Number.isFinite(rowHeight)) return null;
  return { column: (grid.clientWidth + columnGap) / GRID_COLUMNS, row: rowHeight + rowGap };
}

/**
 * Shows the tiles on a grid of 12 columns. While arranging, a tile moves by dragging its handle:
 * it lands on the nearest column and row, and tiles it then covers move down, as with the buttons.
 */
export function TileGrid({ tiles, period, ownerId, editable, arranging, busy, onEdit, onRemove, onLayout }: TileGridProps) {
  const { t } = useTranslation();
  const grid = useRef<HTMLDivElement>(null);
  const [dropTarget, setDropTarget] = useState<TileLayout | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: DRAG_START_DISTANCE } }));
  const titleOf = (id: UniqueIdentifier) => {
    const tile = tiles.find((item) => item.id === id);
    return tile === undefined ? '' : tileTitle(t, tile);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dashboards.arrange.announcePickedUp', { title: titleOf(active.id) }),
    onDragOver: () => undefined,
    onDragEnd: ({ active }) => t('dashboards.arrange.announceDropped', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('dashboards.arrange.announceCancelled', { title: titleOf(active.id) }),
  };

  function droppedLayout(event: DragMoveEvent | DragEndEvent): { tile: Tile; layout: TileLayout } | null {
    const tile = tiles.find((item) => item.id === event.active.id);
    const pitch = grid.current === null ? null : measurePitch(grid.current);
    if (tile === undefined || pitch === null) return null;
    return { tile, layout: dropLayout(tile.layout, event.delta, pitch) };
  }

  function handleDragMove(event: DragMoveEvent) {
    const layout = droppedLayout(event)?.layout ?? null;
    setDropTarget((current) => {
      if (layout === null || current === null) return layout;
      return current.x === layout.x && current.y === layout.y ? current : layout;
    });
  }

  function handleDragEnd(event: DragEndEvent) {
    setDropTarget(null);
    const dropped = droppedLayout(event);
    if (dropped === null) return;
    if (dropped.layout.x === dropped.tile.layout.x && dropped.layout.y === dropped.tile.layout.y) return;
    onLayout(dropped.tile, dropped.layout);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragMove={handleDragMove}
      onDragEnd={handleDragEnd}
      onDragCancel={() => setDropTarget(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dashboards.arrange.dragInstructions') } }}
    >
      <div ref={grid} className="dashboard-grid">
        {dropTarget === null ? null : <div className="tile-drop-target" style={gridPlacement(dropTarget)} aria-hidden="true" />}
        {tiles.map((tile) => (
          <TileCard
            key={tile.id}
            tile={tile}
            period={period}
            ownerId={ownerId}
            editable={editable}
            arranging={arranging && editable}
            busy={busy}
            onEdit={(dataError) => onEdit(tile, dataError)}
            onRemove={() => onRemove(tile)}
            onLayout={(layout) => onLayout(tile, layout)}
          />
        ))}
      </div>
    </DndContext>
  );
}
