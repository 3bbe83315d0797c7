import { GENERIC_HEADER_FIELDS, type ImportField, normalizeHeader } from './import-fields.js';
import type { ImportPreset } from './presets.js';

/** A column that fills no field, with the reason for the report. */
export interface IgnoredColumn {
  header: string;
  reason: string;
}

export interface ColumnMapping {
  /** Field → index of the column that fills it. */
  fields: ReadonlyMap<ImportField, number>;
  ignored: IgnoredColumn[];
}

/**
 * Maps each header to a field: the preset's names first, then the generic Dutch and English
 * names. When two columns map to the same field, the first one fills it and the other is ignored.
 */
export function mapColumns(header: readonly string[], preset: ImportPreset | null): ColumnMapping {
  const fields = new Map<ImportField, number>();
  const ignored: IgnoredColumn[] = [];

  header.forEach((name, index) => {
    const key = normalizeHeader(name);
    if (key === '') {
      ignored.push({ header: name, reason: 'the column has no name' });
      return;
    }

    const field = preset?.headers.has(key) ? preset.headers.get(key) : GENERIC_HEADER_FIELDS.get(key);
    if (field === undefined || field === null) {
      ignored.push({ header: name, reason: 'no field of Trechter has this name' });
      return;
    }

    const earlier = fields.get(field);
    if (earlier !== undefined) {
      ignored.push({ header: name, reason: `column "${header[earlier]}" already fills this field` });
      return;
    }
    fields.set(field, index);
  });

  return { fields, ignored };
}
