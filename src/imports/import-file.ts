import { type ColumnMapping, mapColumns } from './column-mapping.js';
import { type CsvTable, parseCsvText } from './csv-file.js';
import { type CsvEncoding, decodeCsvBytes } from './decode.js';
import { detectPreset, type ImportPreset, PRESET_NAMES, PRESETS, type PresetName } from './presets.js';

/** Raised when the file as a whole cannot be imported, before any row is looked at. */
export class ImportFileError extends Error {}

/** A CSV file decoded, parsed and with its columns mapped to fields. */
export interface ImportFile {
  encoding: CsvEncoding;
  table: CsvTable;
  preset: ImportPreset | null;
  /** True when the preset was recognised from the headers rather than given. */
  presetDetected: boolean;
  columns: ColumnMapping;
}

/**
 * Reads a CSV file for import. `presetName` null means: recognise the preset from the headers,
 * and use only the generic Dutch and English header names when none fits. Throws ImportFileError
 * when the file is not CSV or has no column for the last name.
 */
export function readImportFile(bytes: Uint8Array, presetName: PresetName | null): ImportFile {
  const { text, encoding } = decodeCsvBytes(bytes);
  let table: CsvTable;
  try {
    table = parseCsvText(text);
  } catch (error) {
    throw new ImportFileError(error instanceof Error ? error.message : String(error), { cause: error });
  }

  const preset = presetName === null ? detectPreset(table.header) : PRESETS[presetName];
  const columns = mapColumns(table.header, preset);
  if (!columns.fields.has('lastName')) {
    const found = table.header.map((header) => `"${header}"`).join(', ');
    throw new ImportFileError(
      `the file has no column for the last name, which every person needs; the columns are ${found}. ` +
        `Name the last-name column "Achternaam" or "Last Name", or choose a preset with --preset ${PRESET_NAMES.join(' or --preset ')}`,
    );
  }

  return { encoding, table, preset, presetDetected: presetName === null && preset !== null, columns };
}
