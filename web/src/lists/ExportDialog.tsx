import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { exportUrl, type CsvSeparator, type RecordKind } from '../api/endpoints';
import type { Filter, Language } from '../api/types';
import { formatNumber } from '../i18n/format';
import { Dialog } from '../ui/Dialog';

/** Ticked rows the server exports by id; the server's limit. */
const MAX_TICKED_EXPORT = 1_000;

interface ExportDialogProps {
  open: boolean;
  kind: RecordKind;
  /** Set when the list shows the records of a saved selection. */
  selectionId?: number;
  /** The filter and sort of the list as it is shown. */
  filter: Filter;
  sort: string;
  /** Ids of the columns the list shows, in their order on screen. */
  columns: string[];
  /** Records in the list, or null while counting. */
  total: number | null;
  /** True when the list is grouped. The file has no groups, so the dialog shows a note. */
  grouped: boolean;
  /** Ids of the ticked rows; with some, the dialog offers to export only those. */
  tickedIds: number[];
  onClose: () => void;
}

/**
 * Lets the user choose the CSV separator and downloads the list as shown: its columns in their
 * order, its filters and its sort. The download is a plain link, which the browser fetches with
 * the session cookie.
 */
export function ExportDialog({ open, kind, selectionId, filter, sort, columns, total, grouped, tickedIds, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // Excel with Dutch settings reads semicolons as the column separator, so Dutch users get that choice first.
  const separators: CsvSeparator[] = language === 'nl' ? ['semicolon', 'comma'] : ['comma', 'semicolon'];
  const [separator, setSeparator] = useState<CsvSeparator>(separators[0]!);
  const [onlyTicked, setOnlyTicked] = useState(true);
  // The server takes a limited number of ids; beyond it the whole list is exported.
  const canExportTicked = tickedIds.length > 0 && tickedIds.length <= MAX_TICKED_EXPORT;
  const ticked = canExportTicked && onlyTicked;
  const href = exportUrl(kind, {
    filter,
    sort,
    columns,
    separator,
    ...(selectionId === undefined ? {} : { selectionId }),
    ...(ticked ? { ids: tickedIds } : {}),
  });
  const countText = (count: number) =>
    t(kind === 'persons' ? 'export.personCount' : 'export.companyCount', { count, formatted: formatNumber(count, language) });

  let title = kind === 'persons' ? t('export.titlePersons') : t('export.titleCompanies');
  if (selectionId !== undefined) title = t('export.titleSelection');
  let description =
    total === null
      ? t('export.textAll', { records: kind === 'persons' ? t('export.personsWord') : t('export.companiesWord') })
      : t('export.text', { counted: countText(total) });
  if (ticked) description = t('export.textTicked', { counted: countText(tickedIds.length) });

  return (
    <Dialog
      title={title}
      description={description}
      open={open}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {/* Closes after the click, because a link removed during its own click does not download. */}
          <a className="button button-primary" href={href} download onClick={() => window.setTimeout(onClose, 0)}>
            {t('export.download')}
          </a>
        </>
      }
    >
      {canExportTicked ? (
        <fieldset className="export-separator">
          <legend className="field-label">{t('export.rows')}</legend>
          <label className="choice">
            <input type="radio" name="rows" checked={onlyTicked} onChange={() => setOnlyTicked(true)} />
            <span>{t('export.rowsTicked', { counted: countText(tickedIds.length) })}</span>
          </label>
          <label className="choice">
            <input type="radio" name="rows" checked={!onlyTicked} onChange={() => setOnlyTicked(false)} />
            <span>{total === null ? t('export.rowsAllUncounted') : t('export.rowsAll', { counted: countText(total) })}</span>
          </label>
        </fieldset>
      ) : null}
      <fieldset className="export-separator">
        <legend className="field-label">{t('export.separator')}</legend>
        {separators.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="separator" value={choice} checked={separator === choice} onChange={() => setSeparator(choice)} />
            <span>
              {choice === 'comma' ? t('export.separatorComma') : t('export.separatorSemicolon')}
              <span className="selection-choice-hint">{choice === 'comma' ? t('export.separatorCommaHint') : t('export.separatorSemicolonHint')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {grouped ? <p className="field-hint">{t('export.groupedHint')}</p> : null}
      <p className="field-hint">{t('export.encoding')}</p>
    </Dialog>
  );
}
