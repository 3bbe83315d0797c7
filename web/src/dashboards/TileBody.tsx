import type { ECharts } from 'echarts/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Criterion, Language, LeadStatus } from '../api/types';
import { Link, paths } from '../app/router';
import { formatNumber } from '../i18n/format';
import type { BigNumberData, ConversionData, FunnelData, GroupsData, LineData, ListData, Tile, TileData } from './dashboardApi';
import { TileChart, type ChartKind, type ChartPoint } from './TileChart';
import {
  NO_VALUE_COLOUR,
  SERIES_COLOURS,
  bucketUnit,
  formatBucket,
  formatShare,
  formatValue,
  groupLabel,
  leadStatusColour,
} from './tileFormat';
import { tileTitle } from './tileTitle';

interface TileBodyProps {
  tile: Tile;
  data: TileData;
  /** The filter that limits the data besides the tile's criteria, named by the empty state. */
  filtered: 'period' | 'owner' | null;
  statuses: LeadStatus[];
  language: Language;
  onOpen: (criteria: Criterion[][]) => void;
  onChart: (chart: ECharts | null) => void;
}

const SALE_COLOUR = '#0f766e';

/** Shows a tile's data as a number, a table or a chart, or an empty state when there is none. */
export function TileBody({ tile, data, filtered, statuses, language, onOpen, onChart }: TileBodyProps) {
  const { t } = useTranslation();
  const points = useMemo(() => chartPoints(t, language, tile, data, statuses), [t, language, tile, data, statuses]);
  const empty = <TileEmpty filtered={filtered} />;

  if (data.type === 'bigNumber') {
    if (data.value === null) return empty;
    return <BigNumber tile={tile} data={data} language={language} onOpen={onOpen} />;
  }
  if (data.type === 'conversion') {
    if (data.from.reached === 0) return empty;
    return <Conversion data={data} statuses={statuses} language={language} onOpen={onOpen} />;
  }
  if (data.type === 'list') {
    if (data.rows.length === 0) return empty;
    return <ListTable tile={tile} data={data} language={language} onOpen={onOpen} />;
  }
  // A count of 0 everywhere is an empty chart, but an average of 0 days is a real value.
  const counts = tile.measure === 'count' && data.type !== 'timeInStatus';
  const noValue = (value: number | null) => value === null || (counts && value === 0);
  if (points.length === 0 || points.every((point) => noValue(point.value))) return empty;

  return (
    <div className="tile-chart-frame">
      <TileChart
        kind={data.type === 'timeInStatus' ? 'bar' : (data.type as ChartKind)}
        points={points}
        language={language}
        onOpen={onOpen}
        onChart={onChart}
      />
      <ul className="tile-points" aria-label={t('dashboards.pointsLabel', { title: tileTitle(t, tile) })}>
        {points.map((point, index) => (
          <li key={index}>
            {point.criteria === null ? (
              <span>{`${point.label}: ${point.valueText}`}</span>
            ) : (
              <button type="button" className="button-link" onClick={() => point.criteria !== null && onOpen(point.criteria)}>
                {`${point.label}: ${point.valueText}`}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TileEmpty({ filtered }: { filtered: 'period' | 'owner' | null }) {
  const { t } = useTranslation();
  let text = t('dashboards.empty');
  if (filtered === 'period') text = t('dashboards.emptyPeriod');
  if (filtered === 'owner') text = t('dashboards.emptyOwner');
  return (
    <div className="tile-state tile-empty">
      <span className="icon icon-dashboards" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}

/**
 * Compares a big number with the previous period: the change with its arrow (▲ 27,6%), the
 * previous value in words, and whether the change is good news.
 */
export function bigNumberComparison(
  t: TFunction,
  language: Language,
  tile: Tile,
  data: BigNumberData,
): { change: string; text: string; good: boolean | null } | null {
  if (data.previous === null || data.value === null) return null;
  const difference = data.value - data.previous;
  const previous = formatValue(data.previous, language);
  if (difference === 0) return { change: '=', text: t('dashboards.comparison.same', { previous }), good: null };

  const arrow = difference > 0 ? '▲' : '▼';
  // Against zero a percentage means nothing, so the change is shown as a number.
  const amount = data.previous === 0 ? formatValue(Math.abs(difference), language) : formatShare(Math.abs(difference) / data.previous, language);
  // More leads is good news, but more days waiting in a status is not.
  const good = difference > 0 === (tile.measure === 'count');
  return { change: `${arrow} ${amount}`, text: t('dashboards.comparison.previous', { previous }), good };
}

function BigNumber({ tile, data, language, onOpen }: { tile: Tile; data: BigNumberData; language: Language; onOpen: (criteria: Criterion[][]) => void }) {
  const { t } = useTranslation();
  const comparison = bigNumberComparison(t, language, tile, data);
  const value = formatValue(data.value, language);
  let tone = 'neutral';
  if (comparison?.good === true) tone = 'good';
  if (comparison?.good === false) tone = 'bad';

  return (
    <div className="tile-big">
      <button type="button" className="tile-big-value" onClick={() => onOpen(data.criteria)} aria-label={t('dashboards.openRecords', { value })}>
        {value}
      </button>
      {tile.measure !== 'count' ? <p className="tile-big-unit">{t('dashboards.days')}</p> : null}
      {comparison === null ? null : (
        <p className="tile-comparison">
          <span className={`tile-change tile-change-${tone}`}>{comparison.change}</span> <span className="tile-comparison-text">{comparison.text}</span>
        </p>
      )}
    </div>
  );
}

/** Returns the words under a conversion's share: how many reached the first status, and of those the second. */
export function conversionCounts(t: TFunction, language: Language, data: ConversionData): { started: string; converted: string } {
  return {
    started: t('dashboards.conversionTile.started', { count: data.from.reached, value: formatNumber(data.from.reached, language), status: data.from.key.name }),
    converted: t('dashboards.conversionTile.converted', { count: data.to.reached, value: formatNumber(data.to.reached, language), status: data.to.key.name }),
  };
}

/** Shows the share of the leads that went from one status to the other, with both groups to open. */
function Conversion({ data, statuses, language, onOpen }: { data: ConversionData; statuses: LeadStatus[]; language: Language; onOpen: (criteria: Criterion[][]) => void }) {
  const { t } = useTranslation();
  const counts = conversionCounts(t, language, data);
  const dot = (id: number) => <span className="tile-status-dot" style={{ background: leadStatusColour(id, statuses) ?? NO_VALUE_COLOUR }} aria-hidden="true" />;

  return (
    <div className="tile-big tile-conversion">
      <button
        type="button"
        className="tile-big-value"
        onClick={() => onOpen(data.to.criteria)}
        aria-label={t('dashboards.openRecords', { value: formatShare(data.rate, language) })}
      >
        {formatShare(data.rate, language)}
      </button>
      <p className="tile-conversion-path">
        {dot(data.from.key.id)}
        <span>{data.from.key.name}</span>
        <span className="tile-conversion-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden">{t('dashboards.conversionTile.toWord')}</span>
        {dot(data.to.key.id)}
        <span>{data.to.key.name}</span>
      </p>
      <div className="tile-comparison tile-conversion-counts">
        <button type="button" className="button-link" onClick={() => onOpen(data.from.criteria)}>
          {counts.started}
        </button>
        <button type="button" className="button-link" onClick={() => onOpen(data.to.criteria)}>
          {counts.converted}
        </button>
      </div>
    </div>
  );
}

function ListTable({ tile, data, language, onOpen }: { tile: Tile; data: ListData; language: Language; onOpen: (criteria: Criterion[][]) => void }) {
  const { t } = useTranslation();
  const recordPath = tile.entity === 'person' ? paths.person : paths.company;

  return (
    <div className="tile-list">
      <div className="tile-list-scroll">
        <table className="simple-table tile-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              {tile.entity === 'person' ? <th scope="col">{t('fields.company')}</th> : null}
              {tile.entity === 'person' ? <th scope="col">{t('fields.leadStatus')}</th> : null}
              <th scope="col">{t('fields.owner')}</th>
              {tile.entity === 'person' ? (
                <th scope="col" className="cell-number">
                  {t('fields.daysInStatus')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={recordPath(row.id)}>{row.name}</Link>
                </td>
                {tile.entity === 'person' ? <td>{row.company ?? ''}</td> : null}
                {tile.entity === 'person' ? <td>{row.leadStatus ?? t('dashboards.noLeadStatus')}</td> : null}
                <td>{row.owner ?? ''}</td>
                {tile.entity === 'person' ? <td className="cell-number">{formatValue(row.daysInStatus, language)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="tile-list-footer">
        <span>{t('dashboards.listShown', { shown: formatNumber(data.rows.length, language), total: formatNumber(data.total, language) })}</span>
        <button type="button" className="button-link" onClick={() => onOpen(data.criteria)}>
          {t('dashboards.openAll')}
        </button>
      </p>
    </div>
  );
}

function chartPoints(t: TFunction, language: Language, tile: Tile, data: TileData, statuses: LeadStatus[]): ChartPoint[] {
  switch (data.type) {
    case 'pie':
    case 'bar':
    case 'column':
      return groupPoints(t, language, tile, data, statuses);
    case 'line':
      return linePoints(language, data);
    case 'funnel':
      return funnelPoints(t, language, data, statuses);
    case 'timeInStatus':
      return groupPoints(t, language, { ...tile, by: 'leadStatus' }, { type: 'bar', groups: data.groups }, statuses);
    default:
      return [];
  }
}

function groupPoints(t: TFunction, language: Language, tile: Tile, data: GroupsData, statuses: LeadStatus[]): ChartPoint[] {
  return data.groups.map((group, index) => {
    let colour: string | null;
    if (group.key.value === null) colour = NO_VALUE_COLOUR;
    else if (tile.by === 'leadStatus') colour = leadStatusColour(group.key.value, statuses);
    else if (data.type === 'pie') colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? null;
    else colour = null;
    return {
      label: groupLabel(t, group.key, tile.by),
      value: group.value,
      valueText: formatValue(group.value, language),
      colour,
      criteria: group.criteria,
    };
  });
}

function linePoints(language: Language, data: LineData): ChartPoint[] {
  const unit = bucketUnit(data.buckets.map((bucket) => bucket.start));
  return data.buckets.map((bucket) => ({
    label: formatBucket(bucket.start, unit, language),
    value: bucket.value,
    valueText: formatValue(bucket.value, language),
    colour: null,
    criteria: bucket.criteria,
  }));
}

function funnelPoints(t: TFunction, language: Language, data: FunnelData, statuses: LeadStatus[]): ChartPoint[] {
  return data.steps.map((step, index) => {
    const conversion = index === 0 ? undefined : data.conversions[index - 1];
    const point: ChartPoint = {
      label: step.key.name,
      value: step.reached,
      valueText: formatValue(step.reached, language),
      colour: step.key.kind === 'sale' ? SALE_COLOUR : leadStatusColour(step.key.id, statuses),
      criteria: step.criteria,
    };
    if (conversion !== undefined) point.note = t('dashboards.conversion', { share: formatShare(conversion, language) });
    return point;
  });
}
