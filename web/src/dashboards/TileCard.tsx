import { useDraggable } from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import type { ECharts } from 'echarts/core';
import { useCallback, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

import type { Criterion, Language } from '../api/types';
import { useLeadStatuses } from '../api/queries';
import { navigate } from '../app/router';
import { ErrorNotice, Spinner } from '../ui/feedback';
import { Popover } from '../ui/Popover';
import { dashboardKeys, dashboards, type OwnerFilter, type Period, type Tile, type TileDataRequest, type TileLayout } from './dashboardApi';
import { TileBody, bigNumberComparison, conversionCounts } from './TileBody';
import { bigNumberPng, downloadText, downloadUrl, fileNameOf, tileCsv } from './tileExport';
import { drillDownUrl, formatShare, formatValue, periodLabel } from './tileFormat';
import { gridPlacement, moveTile, type LayoutChange } from './tileLayout';
import { tileTitle } from './tileTitle';

interface TileCardProps {
  tile: Tile;
  /** The dashboard-wide period, which replaces the tile's own; null keeps each tile's period. */
  period: Period | null;
  ownerId: OwnerFilter;
  editable: boolean;
  /** Shows the drag handle and the buttons that move and resize the tile. */
  arranging: boolean;
  busy: boolean;
  /** Opens the tile dialog, with the error of the tile's data request or null. */
  onEdit: (dataError: unknown) => void;
  onRemove: () => void;
  onLayout: (layout: TileLayout) => void;
}

/** Returns the tile-data request of a tile under the dashboard's filters. */
export function tileDataRequest(tile: Tile, period: Period | null, ownerId: OwnerFilter): TileDataRequest {
  const { layout: _layout, ...rest } = tile;
  const request: TileDataRequest = { tile: rest };
  // The dashboard period keeps the date field of the tile's own period, such as the date of the
  // last lead status change, and counts on the registration date otherwise.
  if (period !== null) request.period = { ...period, field: tile.period?.field ?? period.field };
  if (ownerId !== null) request.ownerId = ownerId;
  return request;
}

/** Shows one tile: its own data request, spinner, error with retry, menu and exports. */
export function TileCard({ tile, period, ownerId, editable, arranging, busy, onEdit, onRemove, onLayout }: TileCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const request = tileDataRequest(tile, period, ownerId);
  const data = useQuery({
    queryKey: dashboardKeys.tileData(request),
    queryFn: ({ signal }) => dashboards.tileData(request, signal),
    staleTime: 60_000,
    retry: 1,
  });
  const statuses = useLeadStatuses(language);
  const chart = useRef<ECharts | null>(null);
  const onChart = useCallback((instance: ECharts | null) => {
    chart.current = instance;
  }, []);
  const title = tileTitle(t, tile);
  const titleId = `tile-title-${tile.id}`;
  const effectivePeriod = request.period ?? tile.period;
  // The owner filter is named first: it is the dashboard-wide choice the user is most likely to miss.
  let emptyReason: 'period' | 'owner' | null = null;
  if (effectivePeriod !== null) emptyReason = 'period';
  if (ownerId !== null) emptyReason = 'owner';

  const draggable = useDraggable({ id: tile.id, disabled: !arranging || busy });
  const style: CSSProperties = { ...gridPlacement(tile.layout) };
  if (draggable.transform !== null) style.transform = `translate3d(${draggable.transform.x}px, ${draggable.transform.y}px, 0)`;

  function open(criteria: Criterion[][]) {
    navigate(drillDownUrl(tile.entity, criteria));
  }

  function exportPng() {
    if (data.data === undefined) return;
    let url: string;
    if (data.data.type === 'bigNumber') {
      const comparison = bigNumberComparison(t, language, tile, data.data);
      url = bigNumberPng(title, formatValue(data.data.value, language), comparison === null ? '' : `${comparison.change} ${comparison.text}`);
    } else if (data.data.type === 'conversion') {
      const counts = conversionCounts(t, language, data.data);
      url = bigNumberPng(title, formatShare(data.data.rate, language), `${counts.started} · ${counts.converted}`);
    } else if (chart.current !== null) {
      url = chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    } else {
      return;
    }
    downloadUrl(fileNameOf(title, 'png'), url);
  }

  function exportCsv() {
    if (data.data === undefined) return;
    downloadText(fileNameOf(title, 'csv'), tileCsv(t, language, tile, data.data), 'text/csv');
  }

  let body;
  if (data.isPending) {
    body = (
      <div className="tile-state">
        <Spinner label={t('common.loading')} />
      </div>
    );
  } else if (data.isError) {
    body = (
      <div className="tile-state">
        <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />
      </div>
    );
  } else {
    body = (
      <TileBody
        tile={tile}
        data={data.data}
        filtered={emptyReason}
        statuses={statuses.data ?? []}
        language={language}
        onOpen={open}
        onChart={onChart}
      />
    );
  }

  return (
    <section
      ref={draggable.setNodeRef}
      className={`tile tile-${tile.type}${arranging ? ' tile-arranging' : ''}${draggable.isDragging ? ' tile-dragging' : ''}`}
      style={style}
      aria-labelledby={titleId}
    >
      <header className="tile-header">
        {arranging ? (
          <button
            type="button"
            ref={draggable.setActivatorNodeRef}
            className="icon-button tile-drag-handle"
            aria-label={t('dashboards.arrange.dragHandle', { title })}
            title={t('dashboards.arrange.dragHandle', { title })}
            disabled={busy}
            // Only the pointer listeners are attached: keyboard users move the tile with the buttons below.
            {...draggable.listeners}
            tabIndex={-1}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        ) : null}
        <div className="tile-heading">
          <h2 id={titleId} className="tile-title" title={title}>
            {title}
          </h2>
          {effectivePeriod === null ? null : <p className="tile-period">{periodLabel(t, effectivePeriod)}</p>}
        </div>
        {data.isFetching && !data.isPending ? <span className="spinner tile-refreshing" aria-hidden="true" /> : null}
        <TileMenu
          title={title}
          editable={editable}
          hasData={data.data !== undefined}
          onEdit={() => onEdit(data.error)}
          onRemove={onRemove}
          onPng={exportPng}
          onCsv={exportCsv}
          busy={busy}
        />
      </header>
      <div className="tile-body">{body}</div>
      {arranging ? <ArrangeControls tile={tile} title={title} busy={busy} onLayout={onLayout} /> : null}
    </section>
  );
}

function TileMenu({
  title,
  editable,
  hasData,
  busy,
  onEdit,
  onRemove,
  onPng,
  onCsv,
}: {
  title: string;
  editable: boolean;
  hasData: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onPng: () => void;
  onCsv: () => void;
}) {
  const { t } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const label = t('dashboards.tileActions', { title });

  function choose(action: () => void) {
    setOpen(false);
    anchor.current?.focus();
    action();
  }

  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="icon-button tile-more"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="icon icon-more" aria-hidden="true" />
      </button>
      {open ? (
        <Popover anchor={anchor} label={label} onClose={() => setOpen(false)} width={220}>
          <ul className="selection-menu">
            {editable ? (
              <li>
                <button type="button" className="selection-menu-item" disabled={busy} onClick={() => choose(onEdit)}>
                  {t('common.edit')}
                </button>
              </li>
            ) : null}
            {editable ? (
              <li>
                <button type="button" className="selection-menu-item button-danger-text" disabled={busy} onClick={() => choose(onRemove)}>
                  {t('common.delete')}
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" className="selection-menu-item" disabled={!hasData} onClick={() => choose(onPng)}>
                {t('dashboards.exportPng')}
              </button>
            </li>
            <li>
              <button type="button" className="selection-menu-item" disabled={!hasData} onClick={() => choose(onCsv)}>
                {t('dashboards.exportCsv')}
              </button>
            </li>
          </ul>
        </Popover>
      ) : null}
    </>
  );
}

const LAYOUT_CHANGES: Array<{ change: LayoutChange; icon: string }> = [
  { change: 'left', icon: '←' },
  { change: 'right', icon: '→' },
  { change: 'up', icon: '↑' },
  { change: 'down', icon: '↓' },
  { change: 'narrower', icon: '−' },
  { change: 'wider', icon: '+' },
  { change: 'shorter', icon: '−' },
  { change: 'taller', icon: '+' },
];

function ArrangeControls({ tile, title, busy, onLayout }: { tile: Tile; title: string; busy: boolean; onLayout: (layout: TileLayout) => void }) {
  const { t } = useTranslation();
  const groups: Array<{ caption: string; changes: typeof LAYOUT_CHANGES }> = [
    { caption: t('dashboards.arrange.move'), changes: LAYOUT_CHANGES.slice(0, 4) },
    { caption: t('dashboards.arrange.width'), changes: LAYOUT_CHANGES.slice(4, 6) },
    { caption: t('dashboards.arrange.height'), changes: LAYOUT_CHANGES.slice(6, 8) },
  ];

  return (
    <div className="tile-arrange" role="group" aria-label={t('dashboards.arrange.label', { title })}>
      {groups.map((group) => (
        <div key={group.caption} className="tile-arrange-group">
          <span className="tile-arrange-caption">{group.caption}</span>
          {group.changes.map(({ change, icon }) => {
            const next = moveTile(tile.layout, change);
            const label = t(`dashboards.arrange.${change}`, { title });
            return (
              <button
                key={change}
                type="button"
                className="icon-button tile-arrange-button"
                aria-label={label}
                title={label}
                disabled={busy || next === null}
                onClick={() => {
                  if (next !== null) onLayout(next);
                }}
              >
                {icon}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
