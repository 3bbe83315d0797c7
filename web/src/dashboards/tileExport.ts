import type { TFunction } from 'i18next';

import type { Language } from '../api/types';
import type { Tile, TileData } from './dashboardApi';
import { formatValue, groupLabel, measureLabel } from './tileFormat';

/**
 * Builds the CSV of a tile's data as Dutch Excel opens it: semicolons between fields, a decimal
 * comma in Dutch, headers in the user's language. The byte order mark is added on download.
 */
export function tileCsv(t: TFunction, language: Language, tile: Tile, data: TileData): string {
  const measure = measureLabel(t, tile.measure);
  const decimalComma = language === 'nl';
  const number = (value: number | null) => {
    if (value === null) return '';
    return decimalComma ? String(value).replace('.', ',') : String(value);
  };
  let rows: Array<Array<string | number | null>>;

  switch (data.type) {
    case 'bigNumber':
      rows = [[measure, t('dashboards.export.previousPeriod')], [number(data.value), number(data.previous)]];
      break;
    case 'pie':
    case 'bar':
    case 'column':
      rows = [
        [byLabel(t, tile.by), measure],
        ...data.groups.map((group) => [groupLabel(t, group.key, tile.by), number(group.value)]),
      ];
      break;
    case 'line':
      rows = [[t('dashboards.export.periodStart'), measure], ...data.buckets.map((bucket) => [bucket.start, number(bucket.value)])];
      break;
    case 'list':
      rows = [
        [t('fields.name'), t('fields.company'), t('fields.leadStatus'), t('fields.owner'), t('fields.daysInStatus')],
        ...data.rows.map((row) => [row.name, row.company, row.leadStatus, row.owner, number(row.daysInStatus)]),
      ];
      break;
    case 'funnel':
      rows = [
        [t('dashboards.export.step'), t('dashboards.export.reached'), t('dashboards.export.conversion')],
        ...data.steps.map((step, index) => {
          const conversion = index === 0 ? null : (data.conversions[index - 1] ?? null);
          return [step.key.name, number(step.reached), conversion === null ? '' : `${formatValue(conversion * 100, language)}%`];
        }),
      ];
      break;
    case 'timeInStatus':
      rows = [
        [t('fields.leadStatus'), t('dashboards.export.averageDays'), t('dashboards.export.stays')],
        ...data.groups.map((group) => [groupLabel(t, group.key, 'leadStatus'), number(group.value), number(group.stays)]),
      ];
      break;
    case 'conversion':
      rows = [
        [t('dashboards.export.step'), t('dashboards.export.reached'), t('dashboards.export.conversion')],
        [data.from.key.name, number(data.from.reached), ''],
        [data.to.key.name, number(data.to.reached), data.rate === null ? '' : `${formatValue(data.rate * 100, language)}%`],
      ];
      break;
  }

  return rows.map((row) => row.map((cell) => csvField(cell === null ? '' : String(cell))).join(';')).join('\r\n') + '\r\n';
}

function byLabel(t: TFunction, by: string | null): string {
  if (by === null) return t('dashboards.export.group');
  return t(`fields.${by}` as 'fields.leadStatus', { defaultValue: by });
}

function csvField(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Downloads text as a UTF-8 file with a byte order mark, so Excel reads accents correctly. */
export function downloadText(fileName: string, text: string, type: string): void {
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  downloadUrl(fileName, url);
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(fileName: string, url: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** Returns a file name from a tile title, without characters that file systems reject. */
export function fileNameOf(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'tile';
  return `${base}.${extension}`;
}

/** Draws a big number tile on a canvas and returns it as a PNG data URL. */
export function bigNumberPng(title: string, value: string, comparison: string): string {
  const scale = 2;
  const width = 480;
  const height = 240;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (context === null) return canvas.toDataURL('image/png');

  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#5f6b7a';
  context.font = '600 16px Inter, system-ui, sans-serif';
  context.fillText(title, 24, 40, width - 48);
  context.fillStyle = '#1b2230';
  context.font = '700 64px Inter, system-ui, sans-serif';
  context.fillText(value, 24, 136, width - 48);
  context.fillStyle = '#5f6b7a';
  context.font = '500 15px Inter, system-ui, sans-serif';
  context.fillText(comparison, 24, 184, width - 48);
  return canvas.toDataURL('image/png');
}
