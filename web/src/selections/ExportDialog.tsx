import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { selections } from '../api/endpoints';
import type { Language, Selection } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { countedRecords, recordsWord } from './selectionLabels';

type Separator = 'comma' | 'semicolon';

interface ExportDialogProps {
  open: boolean;
  selection: Selection;
  /** Records in the selection, or null while counting. */
  total: number | null;
  onClose: () => void;
}

/**
 * Lets the user choose the CSV separator and downloads the export. The download is a plain link,
 * which the browser fetches with the session cookie.
 */
export function ExportDialog({ open, selection, total, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  // Dutch Excel reads semicolons as the column separator, so Dutch users get that choice first.
  const [separator, setSeparator] = useState<Separator>(i18n.language === 'nl' ? 'semicolon' : 'comma');
  const records = recordsWord(t, selection);
  const description =
    total === null
      ? t('selections.exportTextAll', { records })
      : t('selections.exportText', { counted: countedRecords(t, selection, total, i18n.language as Language) });

  return (
    <Dialog
      title={t('selections.exportTitle')}
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
          <a
            className="button button-primary"
            href={selections.exportUrl(selection.id, separator)}
            download
            onClick={() => window.setTimeout(onClose, 0)}
          >
            {t('selections.download')}
          </a>
        </>
      }
    >
      <fieldset className="selection-separator">
        <legend className="field-label">{t('selections.separator')}</legend>
        <label className="choice">
          <input type="radio" name="separator" value="comma" checked={separator === 'comma'} onChange={() => setSeparator('comma')} />
          <span>
            {t('selections.separatorComma')}
            <span className="selection-choice-hint">{t('selections.separatorCommaHint')}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="separator" value="semicolon" checked={separator === 'semicolon'} onChange={() => setSeparator('semicolon')} />
          <span>
            {t('selections.separatorSemicolon')}
            <span className="selection-choice-hint">{t('selections.separatorSemicolonHint')}</span>
          </span>
        </label>
      </fieldset>
      <p className="field-hint">{t('selections.exportColumns')}</p>
    </Dialog>
  );
}
